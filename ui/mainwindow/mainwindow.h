#pragma once

#include <QMainWindow>

class QLineEdit;
class QTreeView;
class QLabel;

namespace copydesk {

class Library;
class ArticleListModel;

/// The main window: for now, the library's articles in a searchable list.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(Library& library, QWidget* parent = nullptr);
    ~MainWindow() override;

private:
    void applyFilter();
    void restoreSettings();
    void closeEvent(QCloseEvent* event) override;

    Library& m_library;
    ArticleListModel* m_model = nullptr;
    QTreeView* m_list = nullptr;
    QLineEdit* m_search = nullptr;
    QLabel* m_count = nullptr;
};

} // namespace copydesk
