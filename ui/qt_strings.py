"""Qt's own texts that the application's dialogs show, so that they are in the project's
Vietnamese translation: this PySide6 wheel ships no qtbase_vi, and without these entries the
standard buttons of every message box read "Discard", "Cancel", "Save", and the file and print
dialogs are English throughout.

The lists are Qt's own source texts of each context (as in Qt's qtbase_*.ts), complete for
the dialogs the application opens: the file dialog (with its model's headers, file types and
context menu), the print dialog (with its options, page setup and CUPS properties), the input
dialog, and the context menus of text fields, spin boxes and scroll bars. Texts Vietnamese
writes the same way (A4, "1 (1x1)", Letter, Legal) are left out. ui.run.application() makes
every platform use these Qt dialogs rather than the system's own, which Qt cannot translate.

Only listed for pyside6-lupdate (QT_TRANSLATE_NOOP marks them; nothing calls this module at
run time): Qt looks them up itself, in its own contexts, through the installed translator.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

# QPlatformTheme::defaultStandardButtonText: the buttons of QMessageBox and QDialogButtonBox.
STANDARD_BUTTONS = (
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Don't Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close without Saving"),
)
# QMessageBox's own texts ("Show Details..." of a box with details).
MESSAGE_BOX = (
    QT_TRANSLATE_NOOP("QMessageBox", "Show Details..."),
    QT_TRANSLATE_NOOP("QMessageBox", "Hide Details..."),
)

# The file dialog: its widgets, its model's headers, file kinds, menus and questions.
FILE_DIALOG = (
    QT_TRANSLATE_NOOP(
        "QFileDialog",
        "%1\nDirectory not found.\nPlease verify the correct directory name was given."),
    QT_TRANSLATE_NOOP(
        "QFileDialog",
        "%1\nFile not found.\nPlease verify the correct file name was given."),
    QT_TRANSLATE_NOOP("QFileDialog", "%1 already exists.\nDo you want to replace it?"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Choose"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Delete"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "&New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Open"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Rename"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Save"),
    QT_TRANSLATE_NOOP("QFileDialog", "'%1' is write protected.\nDo you want to delete it anyway?"),
    QT_TRANSLATE_NOOP("QFileDialog", "All Files (*)"),
    QT_TRANSLATE_NOOP("QFileDialog", "All files (*)"),
    QT_TRANSLATE_NOOP("QFileDialog", "Are you sure you want to delete '%1'?"),
    QT_TRANSLATE_NOOP("QFileDialog", "Back"),
    QT_TRANSLATE_NOOP("QFileDialog", "Change to detail view mode"),
    QT_TRANSLATE_NOOP("QFileDialog", "Change to list view mode"),
    QT_TRANSLATE_NOOP("QFileDialog", "Could not delete directory."),
    QT_TRANSLATE_NOOP("QFileDialog", "Create New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "Create a New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "Delete"),
    QT_TRANSLATE_NOOP("QFileDialog", "Detail View"),
    QT_TRANSLATE_NOOP("QFileDialog", "Directories"),
    QT_TRANSLATE_NOOP("QFileDialog", "Directory:"),
    QT_TRANSLATE_NOOP("QFileDialog", "File &name:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Find Directory"),
    QT_TRANSLATE_NOOP("QFileDialog", "Forward"),
    QT_TRANSLATE_NOOP("QFileDialog", "Go back"),
    QT_TRANSLATE_NOOP("QFileDialog", "Go forward"),
    QT_TRANSLATE_NOOP("QFileDialog", "Go to the parent directory"),
    QT_TRANSLATE_NOOP("QFileDialog", "List View"),
    QT_TRANSLATE_NOOP("QFileDialog", "List of places and bookmarks"),
    QT_TRANSLATE_NOOP("QFileDialog", "New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "Open"),
    QT_TRANSLATE_NOOP("QFileDialog", "Parent Directory"),
    QT_TRANSLATE_NOOP("QFileDialog", "Recent Places"),
    QT_TRANSLATE_NOOP("QFileDialog", "Remove"),
    QT_TRANSLATE_NOOP("QFileDialog", "Save As"),
    QT_TRANSLATE_NOOP("QFileDialog", "Show "),
    QT_TRANSLATE_NOOP("QFileDialog", "Show &hidden files"),
    QT_TRANSLATE_NOOP("QFileDialog", "Sidebar"),
)
FILE_SYSTEM_MODEL = (
    QT_TRANSLATE_NOOP("QFileSystemModel", "Computer"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Date Modified"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Kind"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "My Computer"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Name"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Size"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Type"),
)
ABSTRACT_FILE_ICON_PROVIDER = (
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Alias"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Shortcut"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"),
)
# The "Type" column of the detail view for the app's own kinds of file; the shared MIME
# database's Vietnamese names, where it has them, come first.
MIME_TYPE = (
    QT_TRANSLATE_NOOP("QMimeType", "PDF document"),
    QT_TRANSLATE_NOOP("QMimeType", "PNG image"),
    QT_TRANSLATE_NOOP("QMimeType", "JPEG image"),
    QT_TRANSLATE_NOOP("QMimeType", "folder"),
    QT_TRANSLATE_NOOP("QMimeType", "plain text document"),
    QT_TRANSLATE_NOOP("QMimeType", "PKCS#12 certificate bundle"),
    QT_TRANSLATE_NOOP("QMimeType", "DER/PEM/Netscape-encoded X.509 certificate"),
    QT_TRANSLATE_NOOP("QMimeType", "X.509 certificate"),
    QT_TRANSLATE_NOOP("QMimeType", "unknown"),
    QT_TRANSLATE_NOOP("QMimeType", "CSV document"),
    QT_TRANSLATE_NOOP("QMimeType", "Excel 2007 spreadsheet"),
    QT_TRANSLATE_NOOP("QMimeType", "JSON document"),
    QT_TRANSLATE_NOOP("QMimeType", "Zip archive"),
)
# The print dialog (Linux, macOS; Windows shows its own), its options, page set-up and the
# properties of a CUPS printer.
PRINT_DIALOG = (
    QT_TRANSLATE_NOOP("QPrintDialog", "%1 already exists.\nDo you want to overwrite it?"),
    QT_TRANSLATE_NOOP(
        "QPrintDialog",
        "%1 does not follow the correct syntax. Please use ',' to separate ranges and pages, '-' to define ranges and make sure ranges do not intersect with each other."),  # noqa: E501 - one text
    QT_TRANSLATE_NOOP("QPrintDialog", "%1 is a directory.\nPlease choose a different file name."),
    QT_TRANSLATE_NOOP("QPrintDialog", "&Options <<"),
    QT_TRANSLATE_NOOP("QPrintDialog", "&Options >>"),
    QT_TRANSLATE_NOOP("QPrintDialog", "&Print"),
    QT_TRANSLATE_NOOP("QPrintDialog", "All Pages"),
    QT_TRANSLATE_NOOP("QPrintDialog", "Bottom to Top, Left to Right"),
    QT_TRANSLATE_NOOP("QPrintDialog", "Bottom to Top, Right to Left"),
    QT_TRANSLATE_NOOP("QPrintDialog", "Duplex Settings Conflicts"),
    QT_TRANSLATE_NOOP("QPrintDialog", "Even Pages"),
    QT_TRANSLATE_NOOP(
        "QPrintDialog",
        "File %1 is not writable.\nPlease choose a different file name."),
    QT_TRANSLATE_NOOP("QPrintDialog", "Invalid Pages Definition"),
    QT_TRANSLATE_NOOP("QPrintDialog", "Left to Right, Bottom to Top"),
    QT_TRANSLATE_NOOP("QPrintDialog", "Left to Right, Top to Bottom"),
    QT_TRANSLATE_NOOP("QPrintDialog", "Local file"),
    QT_TRANSLATE_NOOP("QPrintDialog", "Odd Pages"),
    QT_TRANSLATE_NOOP(
        "QPrintDialog",
        "Options 'Pages Per Sheet' and 'Page Set' cannot be used together.\nPlease turn one of those options off."),  # noqa: E501 - one text
    QT_TRANSLATE_NOOP("QPrintDialog", "Print"),
    QT_TRANSLATE_NOOP("QPrintDialog", "Print To File ..."),
    QT_TRANSLATE_NOOP("QPrintDialog", "Print to File (PDF)"),
    QT_TRANSLATE_NOOP("QPrintDialog", "Right to Left, Bottom to Top"),
    QT_TRANSLATE_NOOP("QPrintDialog", "Right to Left, Top to Bottom"),
    QT_TRANSLATE_NOOP("QPrintDialog", "The 'From' value cannot be greater than the 'To' value."),
    QT_TRANSLATE_NOOP(
        "QPrintDialog",
        "There are conflicts in duplex settings. Do you want to fix them?"),
    QT_TRANSLATE_NOOP("QPrintDialog", "Top to Bottom, Left to Right"),
    QT_TRANSLATE_NOOP("QPrintDialog", "Top to Bottom, Right to Left"),
    QT_TRANSLATE_NOOP("QPrintDialog", "Write PDF file"),
)
PRINT_SETTINGS_OUTPUT = (
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Collate"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Color"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Color Mode"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Copies"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Copies:"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Current Page"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Double Sided Printing"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Form"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Grayscale"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Long side binding"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Off"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Options"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Output Settings"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Pages"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Pages from"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Print all"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Print range"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Reverse"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Selection"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Short side binding"),
    QT_TRANSLATE_NOOP(
        "QPrintSettingsOutput",
        "Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9."),  # noqa: E501 - one text
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "to"),
)
PRINT_WIDGET = (
    QT_TRANSLATE_NOOP("QPrintWidget", "&Name:"),
    QT_TRANSLATE_NOOP("QPrintWidget", "..."),
    QT_TRANSLATE_NOOP("QPrintWidget", "Form"),
    QT_TRANSLATE_NOOP("QPrintWidget", "Location:"),
    QT_TRANSLATE_NOOP("QPrintWidget", "Output &file:"),
    QT_TRANSLATE_NOOP("QPrintWidget", "P&roperties"),
    QT_TRANSLATE_NOOP("QPrintWidget", "Preview"),
    QT_TRANSLATE_NOOP("QPrintWidget", "Printer"),
    QT_TRANSLATE_NOOP("QPrintWidget", "Type:"),
)
PAGE_SETUP_WIDGET = (
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Cicero (CC)"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Custom"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Didot (DD)"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Form"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Height:"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Inches (in)"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Landscape"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Margins"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Millimeters (mm)"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Orientation"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Page &order:"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Page Layout"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Page size:"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Pages &per sheet:"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Paper"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Paper source:"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Points (pt)"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Portrait"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Reverse landscape"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Reverse portrait"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Width:"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "bottom margin"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "in"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "left margin"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "right margin"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "top margin"),
)
PRINT_PROPERTIES_DIALOG = (
    QT_TRANSLATE_NOOP("QPrintPropertiesDialog", "Advanced Option Conflicts"),
    QT_TRANSLATE_NOOP("QPrintPropertiesDialog", "Job Options"),
    QT_TRANSLATE_NOOP("QPrintPropertiesDialog", "Page Setup Conflicts"),
    QT_TRANSLATE_NOOP("QPrintPropertiesDialog", "Printer Properties"),
    QT_TRANSLATE_NOOP(
        "QPrintPropertiesDialog",
        "There are conflicts in page setup options. Do you want to fix them?"),
    QT_TRANSLATE_NOOP(
        "QPrintPropertiesDialog",
        "There are conflicts in some advanced options. Do you want to fix them?"),
)
PRINT_PROPERTIES_WIDGET = (
    QT_TRANSLATE_NOOP("QPrintPropertiesWidget", "Advanced"),
    QT_TRANSLATE_NOOP("QPrintPropertiesWidget", "Form"),
    QT_TRANSLATE_NOOP("QPrintPropertiesWidget", "Page"),
    QT_TRANSLATE_NOOP(
        "QPrintPropertiesWidget",
        "There are conflicts in some options. Please fix them."),
)
CUPS_JOB_WIDGET = (
    QT_TRANSLATE_NOOP("QCupsJobWidget", "&Billing information:"),
    QT_TRANSLATE_NOOP("QCupsJobWidget", "&End:"),
    QT_TRANSLATE_NOOP("QCupsJobWidget", "&Start:"),
    QT_TRANSLATE_NOOP("QCupsJobWidget", "Banner Pages"),
    QT_TRANSLATE_NOOP("QCupsJobWidget", "Classified"),
    QT_TRANSLATE_NOOP("QCupsJobWidget", "Confidential"),
    QT_TRANSLATE_NOOP("QCupsJobWidget", "Day (06:00 to 17:59)"),
    QT_TRANSLATE_NOOP("QCupsJobWidget", "Hold Indefinitely"),
    QT_TRANSLATE_NOOP("QCupsJobWidget", "Job"),
    QT_TRANSLATE_NOOP("QCupsJobWidget", "Job &priority:"),
    QT_TRANSLATE_NOOP("QCupsJobWidget", "Job Control"),
    QT_TRANSLATE_NOOP("QCupsJobWidget", "Night (18:00 to 05:59)"),
    QT_TRANSLATE_NOOP("QCupsJobWidget", "None"),
    QT_TRANSLATE_NOOP("QCupsJobWidget", "Print Immediately"),
    QT_TRANSLATE_NOOP("QCupsJobWidget", "Scheduled &printing:"),
    QT_TRANSLATE_NOOP("QCupsJobWidget", "Second Shift (16:00 to 23:59)"),
    QT_TRANSLATE_NOOP("QCupsJobWidget", "Secret"),
    QT_TRANSLATE_NOOP("QCupsJobWidget", "Specific Time"),
    QT_TRANSLATE_NOOP("QCupsJobWidget", "Standard"),
    QT_TRANSLATE_NOOP("QCupsJobWidget", "Third Shift (00:00 to 07:59)"),
    QT_TRANSLATE_NOOP("QCupsJobWidget", "Top Secret"),
    QT_TRANSLATE_NOOP("QCupsJobWidget", "Unclassified"),
    QT_TRANSLATE_NOOP("QCupsJobWidget", "Weekend (Saturday to Sunday)"),
)
CUPS_PRINTER_SUPPORT = (
    QT_TRANSLATE_NOOP("QCupsPrinterSupport", "Authentication Needed"),
    QT_TRANSLATE_NOOP("QCupsPrinterSupport", "Authentication needed to use %1 on %2."),
    QT_TRANSLATE_NOOP("QCupsPrinterSupport", "Authentication needed to use %1."),
    QT_TRANSLATE_NOOP("QCupsPrinterSupport", "Password:"),
    QT_TRANSLATE_NOOP("QCupsPrinterSupport", "Username:"),
)
PRINT_INPUT_SLOT = (
    QT_TRANSLATE_NOOP("Print Device Input Slot", "Automatic"),
)
PRINT_OUTPUT_BIN = (
    QT_TRANSLATE_NOOP("Print Device Output Bin", "Automatic"),
)
# Paper sizes of the print properties: the names Vietnamese keeps (A4, Letter, Legal) are not
# listed.
PAGE_SIZE = (
    QT_TRANSLATE_NOOP("QPageSize", "%1 x %2 in"),
    QT_TRANSLATE_NOOP("QPageSize", "A4 Small"),
    QT_TRANSLATE_NOOP("QPageSize", "Letter Small"),
    QT_TRANSLATE_NOOP("QPageSize", "PRC 32K Big"),
    QT_TRANSLATE_NOOP("QPageSize", "Custom"),
    QT_TRANSLATE_NOOP("QPageSize", "Custom (%1CC x %2CC)"),
    QT_TRANSLATE_NOOP("QPageSize", "Custom (%1DD x %2DD)"),
    QT_TRANSLATE_NOOP("QPageSize", "Custom (%1in x %2in)"),
    QT_TRANSLATE_NOOP("QPageSize", "Custom (%1mm x %2mm)"),
    QT_TRANSLATE_NOOP("QPageSize", "Custom (%1pc x %2pc)"),
    QT_TRANSLATE_NOOP("QPageSize", "Custom (%1pt x %2pt)"),
    QT_TRANSLATE_NOOP("QPageSize", "Double Postcard"),
    QT_TRANSLATE_NOOP("QPageSize", "Postcard"),
    QT_TRANSLATE_NOOP("QPageSize", "Executive (7.25 x 10.5 in)"),
    QT_TRANSLATE_NOOP("QPageSize", "Executive (7.5 x 10 in)"),
    QT_TRANSLATE_NOOP("QPageSize", "Fan-fold German (8.5 x 12 in)"),
    QT_TRANSLATE_NOOP("QPageSize", "Fan-fold German Legal (8.5 x 13 in)"),
    QT_TRANSLATE_NOOP("QPageSize", "Fan-fold US (14.875 x 11 in)"),
    QT_TRANSLATE_NOOP("QPageSize", "Folio (8.27 x 13 in)"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope Invite"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope Italian"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope Personal"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope B4"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope B5"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope B6"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope C0"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope C1"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope C2"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope C3"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope C4"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope C5"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope C6"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope C65"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope C7"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope DL"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope Monarch"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope Chou 3"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope Chou 4"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope Kaku 2"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope Kaku 3"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope You 4"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope PRC 1"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope PRC 2"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope PRC 3"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope PRC 4"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope PRC 5"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope PRC 6"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope PRC 7"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope PRC 8"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope PRC 9"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope PRC 10"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope US 9"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope US 10"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope US 11"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope US 12"),
    QT_TRANSLATE_NOOP("QPageSize", "Envelope US 14"),
)
# The input dialog (the certificate password) and the context menus of fields and scroll bars.
INPUT_DIALOG = (
    QT_TRANSLATE_NOOP("QInputDialog", "Enter a value:"),
)
LINE_EDIT = (
    QT_TRANSLATE_NOOP("QLineEdit", "&Copy"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Paste"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Redo"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Undo"),
    QT_TRANSLATE_NOOP("QLineEdit", "Cu&t"),
    QT_TRANSLATE_NOOP("QLineEdit", "Delete"),
    QT_TRANSLATE_NOOP("QLineEdit", "Select All"),
)
WIDGET_TEXT_CONTROL = (
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Paste"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Redo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Undo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Cu&t"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Delete"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Copy &Link Location"),
)
ABSTRACT_SPIN_BOX = (
    QT_TRANSLATE_NOOP("QAbstractSpinBox", "&Select All"),
    QT_TRANSLATE_NOOP("QAbstractSpinBox", "&Step up"),
    QT_TRANSLATE_NOOP("QAbstractSpinBox", "Step &down"),
)
SCROLL_BAR = (
    QT_TRANSLATE_NOOP("QScrollBar", "Bottom"),
    QT_TRANSLATE_NOOP("QScrollBar", "Left edge"),
    QT_TRANSLATE_NOOP("QScrollBar", "Page down"),
    QT_TRANSLATE_NOOP("QScrollBar", "Page left"),
    QT_TRANSLATE_NOOP("QScrollBar", "Page right"),
    QT_TRANSLATE_NOOP("QScrollBar", "Page up"),
    QT_TRANSLATE_NOOP("QScrollBar", "Right edge"),
    QT_TRANSLATE_NOOP("QScrollBar", "Scroll down"),
    QT_TRANSLATE_NOOP("QScrollBar", "Scroll here"),
    QT_TRANSLATE_NOOP("QScrollBar", "Scroll left"),
    QT_TRANSLATE_NOOP("QScrollBar", "Scroll right"),
    QT_TRANSLATE_NOOP("QScrollBar", "Scroll up"),
    QT_TRANSLATE_NOOP("QScrollBar", "Top"),
)
TAB_BAR = (
    QT_TRANSLATE_NOOP("QTabBar", "Scroll Left"),
    QT_TRANSLATE_NOOP("QTabBar", "Scroll Right"),
)
COMBO_BOX = (
    QT_TRANSLATE_NOOP("QComboBox", "False"),
    QT_TRANSLATE_NOOP("QComboBox", "True"),
    QT_TRANSLATE_NOOP("QComboBox", "Open the combo box selection popup"),
)
DIALOG = (
    QT_TRANSLATE_NOOP("QDialog", "What's This?"),
)
DIALOG_BUTTON_BOX = (
    QT_TRANSLATE_NOOP("QDialogButtonBox", "OK"),
)
PROGRESS_DIALOG = (
    QT_TRANSLATE_NOOP("QProgressDialog", "Cancel"),
)
UNICODE_CONTROL_CHARACTER_MENU = (
    QT_TRANSLATE_NOOP("QUnicodeControlCharacterMenu", "Insert Unicode control character"),
)
