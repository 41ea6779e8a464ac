; Inno Setup 6.3+ script: the per-user Windows installer of Hộ Tịch Offline (saved as UTF-8
; with BOM: Inno reads the Vietnamese text correctly). installer\windows\build-windows.ps1 runs:
;   ISCC /DAppVersion=X.Y.Z /DBundleDir=...\dist\hotich /DOutputDir=...\dist hotich.iss
; Each version goes to its own folder, %LOCALAPPDATA%\Programs\HoTichOffline\<version>, and the
; previous one is kept, so rollback.ps1 (Start menu: "Quay lại phiên bản trước") can switch the
; shortcuts back. The data folder (%LOCALAPPDATA%\HoTichOffline, or HOTICH_DATA_DIR) is never
; installed into nor deleted, not even on uninstall.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z (build-windows.ps1 reads pyproject.toml)
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\hotich"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#define AppName "Hộ Tịch Offline"
#define ProgramsRoot "{localappdata}\Programs\HoTichOffline"
; Vietnamese wizard texts: Inno's own (unofficial) translation when the compiler has it, else
; ours; messages missing from either come from English (Default.isl is read first).
#if FileExists(AddBackslash(CompilerPath) + "Languages\Unofficial\Vietnamese.isl")
  #define ViMessages "compiler:Default.isl,compiler:Languages\Unofficial\Vietnamese.isl"
#else
  #define ViMessages "compiler:Default.isl,Vietnamese.isl"
#endif

[Setup]
AppId={{5B0E7C1A-3F4D-4E8B-9C2A-7D61E0A4B9F3}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Hộ Tịch Offline
PrivilegesRequired=lowest
DefaultDirName={#ProgramsRoot}\{#AppVersion}
; The folder is chosen for the user: one per version is what makes rollback possible.
DisableDirPage=yes
UsePreviousAppDir=no
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
OutputDir={#OutputDir}
OutputBaseFilename=hotich-offline-{#AppVersion}-windows-x64-setup
SetupIconFile=..\icons\hotich.ico
UninstallDisplayIcon={app}\hotich.exe
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 runs on Windows 10 and newer.
MinVersion=10.0
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage
; A running older version keeps its own folder: nothing needs closing.
CloseApplications=no

[Languages]
Name: "vi"; MessagesFile: "{#ViMessages}"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
vi.RollbackShortcut=Quay lại phiên bản trước
en.RollbackShortcut=Roll back to the previous version

[Messages]
vi.ConfirmUninstall=Gỡ hoàn toàn %1? Thư mục dữ liệu hộ tịch được giữ nguyên.
en.ConfirmUninstall=Remove %1 completely? The civil-status data folder is kept.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "rollback.ps1"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\hotich.exe"; Parameters: "gui"; WorkingDir: "{app}"
Name: "{group}\{cm:RollbackShortcut}"; Filename: "{sys}\WindowsPowerShell\v1.0\powershell.exe"; Parameters: "-NoProfile -ExecutionPolicy Bypass -File ""{app}\rollback.ps1"""; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\hotich.exe"; Parameters: "gui"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; Read by rollback.ps1 and by the next installer.
Root: HKCU; Subkey: "Software\HoTichOffline"; ValueType: string; ValueName: "CurrentVersion"; ValueData: "{#AppVersion}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\HoTichOffline"; ValueType: string; ValueName: "PreviousVersion"; ValueData: "{code:GetPreviousVersion}"
Root: HKCU; Subkey: "Software\HoTichOffline"; ValueType: string; ValueName: "ProgramsRoot"; ValueData: "{#ProgramsRoot}"

[Run]
Filename: "{app}\hotich.exe"; Parameters: "gui"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Every installed version of the program. The data folder is elsewhere and stays.
Type: filesandordirs; Name: "{#ProgramsRoot}"

[Code]
var
  PreviousVersion: String;

function InitializeSetup(): Boolean;
var
  Current: String;
begin
  PreviousVersion := '';
  if RegQueryStringValue(HKCU, 'Software\HoTichOffline', 'CurrentVersion', Current) then
  begin
    if Current <> '{#AppVersion}' then
      PreviousVersion := Current
    else if not RegQueryStringValue(HKCU, 'Software\HoTichOffline', 'PreviousVersion',
                                    PreviousVersion) then
      PreviousVersion := '';  { the same version again: the previous one stays }
  end;
  Result := True;
end;

function GetPreviousVersion(Param: String): String;
begin
  Result := PreviousVersion;
end;

{ Keep this version and the previous one only (each is ~300 MB). }
procedure RemoveOlderVersions();
var
  Root: String;
  Found: TFindRec;
begin
  Root := ExpandConstant('{#ProgramsRoot}');
  if FindFirst(Root + '\*', Found) then
  try
    repeat
      if ((Found.Attributes and FILE_ATTRIBUTE_DIRECTORY) <> 0) and (Found.Name <> '.')
         and (Found.Name <> '..') and (Found.Name <> '{#AppVersion}')
         and (Found.Name <> PreviousVersion)
         and FileExists(Root + '\' + Found.Name + '\hotich.exe') then
        DelTree(Root + '\' + Found.Name, True, True, True);
    until not FindNext(Found);
  finally
    FindClose(Found);
  end;
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if CurStep = ssPostInstall then
    RemoveOlderVersions();
end;
