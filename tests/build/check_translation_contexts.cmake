# Every user-visible string must be found by lupdate in a context where it is looked up
# at run time, or a translator's work never shows. Runs lupdate over SOURCES into a
# temporary .ts and fails on a context that is not in ALLOWED (one name a line, see
# translation_contexts.txt) and on lupdate's "lacks Q_OBJECT macro" warning, which it
# gives for tr() calls it can only file under a namespace or a plain class (the free
# tr() helpers that look strings up under another name).
#
# cmake -DLUPDATE=<lupdate> -DSOURCES=<dir|dir> -DALLOWED=<file> -DTS=<temporary .ts>
#       [-DEXPECT=<ctx|ctx>] -P check_translation_contexts.cmake
# ("|" separates the items of a list: a ";" does not survive add_test.)
# With EXPECT, succeeds only when the offending contexts are exactly those (this is
# how the check itself is tested on a fixture holding known mistakes).
cmake_policy(VERSION 3.20)
foreach(var LUPDATE SOURCES ALLOWED TS)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "check_translation_contexts: ${var} not set")
    endif()
endforeach()

string(REPLACE "|" ";" SOURCES "${SOURCES}")
if(DEFINED EXPECT)
    string(REPLACE "|" ";" EXPECT "${EXPECT}")
endif()
file(REMOVE ${TS})
execute_process(COMMAND ${LUPDATE} -silent -recursive ${SOURCES} -ts ${TS}
                RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT status EQUAL 0 OR NOT EXISTS ${TS})
    message(FATAL_ERROR "lupdate failed (${status}):\n${output}")
endif()

file(STRINGS ${ALLOWED} lines ENCODING UTF-8)
set(allowed "")
foreach(line ${lines})
    string(STRIP "${line}" line)
    if(line AND NOT line MATCHES "^#")
        list(APPEND allowed "${line}")
    endif()
endforeach()

set(offenders "")
set(report "")
file(READ ${TS} ts ENCODING UTF-8)
string(REGEX MATCHALL "<name>[^<]*</name>" names "${ts}")
foreach(entry IN LISTS names)
    string(REGEX REPLACE "</?name>" "" name "${entry}")
    list(FIND allowed "${name}" found)
    if(found LESS 0)
        list(APPEND offenders "${name}")
        # Where its first string is, for the message.
        string(REGEX REPLACE "([][.*+?^$()|\\])" "\\\\\\1" pattern "${name}")
        string(REGEX MATCH "<name>${pattern}</name>[^<]*<message[^>]*>[^<]*<location filename=\"([^\"]*)\" line=\"([0-9]+)\""
               _ "${ts}")
        string(APPEND report "  context '${name}' (first string at ${CMAKE_MATCH_1}:${CMAKE_MATCH_2})\n")
    endif()
endforeach()

# "Class 'copydesk' lacks Q_OBJECT macro": a tr() lupdate files under a name nothing
# looks up.
string(REGEX MATCHALL "[^\n]*lacks Q_OBJECT macro" warnings "${output}")
foreach(warning IN LISTS warnings)
    string(REGEX MATCH "Class '([^']*)'" _ "${warning}")
    list(APPEND offenders "${CMAKE_MATCH_1}")
    string(APPEND report "  ${warning}\n")
endforeach()
list(REMOVE_DUPLICATES offenders)

if(DEFINED EXPECT)
    list(SORT offenders)
    set(expected ${EXPECT})
    list(SORT expected)
    if(NOT offenders STREQUAL expected)
        message(FATAL_ERROR "expected the offending contexts '${expected}', found "
                            "'${offenders}':\n${report}")
    endif()
    message(STATUS "found exactly the expected offenders: ${offenders}")
    return()
endif()
if(offenders)
    message(FATAL_ERROR
        "strings that lupdate files under a context nothing looks up at run time:\n"
        "${report}Use tr() in a QObject, Q_DECLARE_TR_FUNCTIONS(Context) or "
        "QCoreApplication::translate(\"Context\", ...), and list a new context in "
        "${ALLOWED}.")
endif()
