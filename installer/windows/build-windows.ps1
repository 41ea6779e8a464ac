# Builds the Windows installer on a Windows 10/11 x64 machine (PyInstaller does not
# cross-compile): a virtual environment, the project with its dev tools (PyInstaller), the
# translations, the one-folder bundle dist\hotich\ from installer\hotich.spec, then Inno Setup:
#   dist\hotich-offline-<version>-windows-x64-setup.exe
# Usage (from any folder):  powershell -ExecutionPolicy Bypass -File installer\windows\build-windows.ps1
# Needs Python 3.11+ (python.org, with the "py" launcher) and Inno Setup 6.3+. See docs/windows-build.md.
param(
  [string]$Python = 'py -3.11',  # the interpreter that creates .venv
  [string]$Iscc = ''              # ISCC.exe, if not in a standard place
)
$ErrorActionPreference = 'Stop'
$Root = (Resolve-Path (Join-Path $PSScriptRoot '..\..')).Path
Set-Location $Root

# Native programs do not throw on failure in Windows PowerShell: check every exit code.
function Run([string]$What, [scriptblock]$Command) {
  Write-Host "== $What"
  & $Command
  if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

$venvPy = Join-Path $Root '.venv\Scripts\python.exe'
if (-not (Test-Path $venvPy)) {
  $parts = @($Python -split ' ')
  $exe = $parts[0]
  $pyArgs = @($parts | Select-Object -Skip 1)
  Run 'create .venv' { & $exe @pyArgs -m venv .venv }
}
Run 'pip upgrade' { & $venvPy -m pip install --quiet --upgrade pip }
Run 'install the project and its dev tools' { & $venvPy -m pip install --quiet -e '.[dev]' }

# Translations: what installer/build-translations.sh does on Linux.
$lrelease = Join-Path $Root '.venv\Scripts\pyside6-lrelease.exe'
foreach ($ts in Get-ChildItem 'ui\i18n\hotich_*.ts') {
  $qm = [IO.Path]::ChangeExtension($ts.FullName, '.qm')
  Run "translate $($ts.Name)" { & $lrelease -silent $ts.FullName -qm $qm }
}

$version = (& $venvPy -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])").Trim()
Run "PyInstaller bundle $version" {
  & $venvPy -m PyInstaller --noconfirm --log-level WARN --workpath build\pyinstaller --distpath dist installer\hotich.spec
}
$reported = (& dist\hotich\hotich.exe --version | Out-String).Trim()
if ($reported -ne "hotich $version") { throw "the bundle reports '$reported', expected hotich $version" }

if (-not $Iscc) {
  $candidates = @(
    (Join-Path ${env:ProgramFiles(x86)} 'Inno Setup 6\ISCC.exe'),
    (Join-Path $env:ProgramFiles 'Inno Setup 6\ISCC.exe'),
    (Join-Path $env:LOCALAPPDATA 'Programs\Inno Setup 6\ISCC.exe')
  )
  $Iscc = $candidates | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
  if (-not $Iscc) { $Iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source }
  if (-not $Iscc) { throw 'Inno Setup 6 (ISCC.exe) not found: install it or pass -Iscc PATH' }
}
Run 'Inno Setup' {
  & $Iscc /Qp "/DAppVersion=$version" "/DBundleDir=$Root\dist\hotich" "/DOutputDir=$Root\dist" installer\windows\hotich.iss
}
Write-Host "installer: $Root\dist\hotich-offline-$version-windows-x64-setup.exe"
