; Inno Setup script for the one-folder officer_desk app (Windows).
; NOT BUILT OR TESTED HERE: see packaging/README.md. On a Windows build machine:
;   python packaging\pyinstaller\build.py          -> dist\officer-desk\ (and build\package\officer-desk.ico)
;   iscc packaging\windows\officer-desk.iss        -> dist\officer-desk-<version>-setup.exe
; The version must match officer_desk/__init__.py (tests/unit/test_packaging_files.py checks it).

#define AppName "officer_desk"
#define AppVersion "0.1.0"
#define AppId "io.github.officerdesk.OfficerDesk"
#define Root "..\.."

[Setup]
; A fixed GUID-free id: upgrades replace the earlier install.
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=The officer_desk developers
DefaultDirName={autopf}\officer-desk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Facility IT installs for every account on the workstation.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
LicenseFile={#Root}\resources\licences\GPL-3.0.txt
SetupIconFile={#Root}\build\package\officer-desk.ico
UninstallDisplayIcon={app}\officer-desk.exe
OutputDir={#Root}\dist
OutputBaseFilename=officer-desk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "norwegian"; MessagesFile: "compiler:Languages\Norwegian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller folder: officer-desk.exe, officer-desk-admin.exe and _internal\.
Source: "{#Root}\dist\officer-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs; Excludes: "share\*,install.sh"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\officer-desk.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\officer-desk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\officer-desk.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
