; Vietnamese wizard texts for hotich.iss, used when the Inno Setup compiler has no
; Languages\Unofficial\Vietnamese.isl. Only what a per-user install and uninstall shows; the
; rest falls back to English (Default.isl is read first). UTF-8 with BOM.

[LangOptions]
LanguageName=Tiếng Việt
LanguageID=$042A
LanguageCodePage=0

[Messages]
SetupAppTitle=Cài đặt
SetupWindowTitle=Cài đặt - %1
UninstallAppTitle=Gỡ cài đặt
UninstallAppFullTitle=Gỡ cài đặt %1
ConfirmTitle=Xác nhận
ExitSetupTitle=Thoát cài đặt
ExitSetupMessage=Chưa cài đặt xong. Nếu thoát bây giờ, chương trình sẽ không được cài.%n%nCó thể chạy lại trình cài đặt vào lúc khác.%n%nThoát cài đặt?
ButtonBack=< &Quay lại
ButtonNext=&Tiếp >
ButtonInstall=&Cài đặt
ButtonOK=Đồng ý
ButtonCancel=Hủy
ButtonYes=&Có
ButtonYesToAll=Có cho &tất cả
ButtonNo=&Không
ButtonNoToAll=K&hông cho tất cả
ButtonFinish=&Hoàn tất
ButtonBrowse=&Chọn...
ButtonWizardBrowse=C&họn...
ButtonNewFolder=&Tạo thư mục mới
SelectLanguageTitle=Chọn ngôn ngữ cài đặt
SelectLanguageLabel=Chọn ngôn ngữ dùng trong khi cài đặt.
WelcomeLabel1=Chào mừng đến với trình cài đặt [name]
WelcomeLabel2=Trình này sẽ cài [name/ver] vào máy tính.%n%nNên đóng các chương trình khác trước khi tiếp tục.
WizardSelectTasks=Chọn tác vụ bổ sung
SelectTasksDesc=Cần thực hiện thêm những tác vụ nào?
SelectTasksLabel2=Chọn các tác vụ bổ sung khi cài [name], rồi bấm Tiếp.
WizardReady=Sẵn sàng cài đặt
ReadyLabel1=Trình cài đặt đã sẵn sàng cài [name] vào máy tính.
ReadyLabel2a=Bấm Cài đặt để tiếp tục, hoặc Quay lại để xem hay thay đổi lựa chọn.
ReadyLabel2b=Bấm Cài đặt để tiếp tục.
ReadyMemoDir=Thư mục cài đặt:
ReadyMemoTasks=Tác vụ bổ sung:
WizardPreparing=Đang chuẩn bị cài đặt
WizardInstalling=Đang cài đặt
InstallingLabel=Vui lòng chờ trong khi [name] được cài vào máy tính.
FinishedHeadingLabel=Hoàn tất cài đặt [name]
FinishedLabelNoIcons=[name] đã được cài vào máy tính.
FinishedLabel=[name] đã được cài vào máy tính. Có thể mở chương trình bằng các lối tắt đã tạo.
ClickFinish=Bấm Hoàn tất để đóng trình cài đặt.
StatusExtractFiles=Đang chép tệp...
StatusCreateIcons=Đang tạo lối tắt...
StatusCreateRegistryEntries=Đang ghi cấu hình...
StatusSavingUninstall=Đang lưu thông tin gỡ cài đặt...
StatusRunProgram=Đang hoàn tất cài đặt...
StatusRollback=Đang hoàn tác các thay đổi...
ConfirmUninstall=Gỡ hoàn toàn %1? Dữ liệu hộ tịch không bị xóa.
UninstalledAll=%1 đã được gỡ khỏi máy tính.
UninstallStatusLabel=Vui lòng chờ trong khi %1 được gỡ khỏi máy tính.
WizardUninstalling=Tình trạng gỡ cài đặt
StatusUninstalling=Đang gỡ %1...

[CustomMessages]
NameAndVersion=%1 phiên bản %2
AdditionalIcons=Lối tắt bổ sung:
CreateDesktopIcon=Tạo lối tắt trên &màn hình nền
LaunchProgram=Mở %1
UninstallProgram=Gỡ %1
