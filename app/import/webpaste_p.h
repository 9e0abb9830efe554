#pragma once

// How a web page pasted as text is laid out: site chrome, the headline, a date line
// and a byline before the story. Internal to app/import (plaintextimport.cpp).

#include <QDate>
#include <QString>
#include <QStringList>

namespace copydesk::web_paste {

/// The date that a whole line states ("2021.10.15", "15/10/2021", "15 October 2021",
/// "2021年10月15日", "15 октября 2021 г.", "١٥ أكتوبر ٢٠٢١"), read with ICU's date
/// formats of the desk's languages and ICU numeric patterns; a label before a colon
/// ("Published:") and a time after the date are allowed. Invalid when the line is
/// anything else.
QDate dateOfLine(const QString& line);

/// The name in a byline ("By Jane Doe", "Par Jean Dupont", "Автор: Иван Петров",
/// "作者：王小明"), or empty when `line` is not one.
QString bylineName(const QString& line);

/// Whether `line` matches one of `patterns` (whole line, case and punctuation aside; a
/// pattern ending or starting in "*" matches the start or end), or consists of parts
/// ("Share | Tweet | Email") that each do.
bool isListedChrome(const QString& line, const QStringList& patterns);

/// "Home > News > Press releases": parts joined by ">", "›", "»" or "→", or three or
/// more short parts joined by "|" or "/".
bool isBreadcrumb(const QString& line);

/// A short line ending in a run of dots or an ellipsis ("Loading...", "Menu ......").
bool endsInDots(const QString& line);

/// Words in `line`, with runs of characters written without spaces (Chinese,
/// Japanese) counted one word per two characters.
int wordCount(const QString& line);

} // namespace copydesk::web_paste
