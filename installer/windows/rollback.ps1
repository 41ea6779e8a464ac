# Hộ Tịch Offline (Windows): make the previous installed version the current one again.
# The Start-menu entry "Quay lại phiên bản trước" runs it; running it again returns to the
# newer version. It re-points the shortcuts that start hotich.exe from
# %LOCALAPPDATA%\Programs\HoTichOffline\<version>; the data folder is left alone.
# (UTF-8 with BOM, so Windows PowerShell 5.1 reads the Vietnamese text.)
$ErrorActionPreference = 'Stop'
$key = 'HKCU:\Software\HoTichOffline'

function Finish([string]$message, [int]$code) {
  Write-Host $message
  if ($Host.Name -eq 'ConsoleHost') { Read-Host 'Enter' | Out-Null }  # opened from a shortcut
  exit $code
}

try { $reg = Get-ItemProperty -Path $key } catch {
  Finish 'Không tìm thấy bản cài đặt / Hộ Tịch Offline is not installed.' 1
}
$root = Join-Path $env:LOCALAPPDATA 'Programs\HoTichOffline'
$current = $reg.CurrentVersion
$previous = $reg.PreviousVersion
$exe = Join-Path $root "$previous\hotich.exe"
if (-not $previous -or -not (Test-Path $exe)) {
  Finish 'Không có phiên bản trước / no previous version to roll back to.' 1
}

$shell = New-Object -ComObject WScript.Shell
$folders = @([Environment]::GetFolderPath('Programs'), [Environment]::GetFolderPath('Desktop'))
foreach ($folder in $folders) {
  Get-ChildItem -Path $folder -Filter *.lnk -Recurse -ErrorAction SilentlyContinue | ForEach-Object {
    $link = $shell.CreateShortcut($_.FullName)
    if ($link.TargetPath -like "$root\*\hotich.exe") {
      $link.TargetPath = $exe
      $link.WorkingDirectory = Split-Path $exe
      $link.IconLocation = "$exe,0"
      $link.Save()
    }
  }
}
Set-ItemProperty -Path $key -Name CurrentVersion -Value $previous
Set-ItemProperty -Path $key -Name PreviousVersion -Value $current

$data = if ($env:HOTICH_DATA_DIR) { $env:HOTICH_DATA_DIR } else { Join-Path $env:LOCALAPPDATA 'HoTichOffline' }
Finish ("Đã quay lại / rolled back to $previous (from $current).`n" +
        "Lưu ý / note: if $current upgraded the data, $previous refuses to open it; the " +
        "pre-upgrade copy is the folder $data\backups\pre-upgrade-$previous-to-$current-*") 0
