; Inno Setup 6.3+ script: Bildungsplaner for the current user, without elevated rights.
;
;   ISCC.exe /DAppVersion=0.1.0 installer\bildungsplaner.iss      (installer\build_windows.ps1 does this)
;
; Installs dist\Bildungsplaner\ (built by PyInstaller) to {autopf}\Bildungsplaner, which in the default
; per-user mode is %LOCALAPPDATA%\Programs\Bildungsplaner. The user may pick "for all users" in the first
; dialog (PrivilegesRequiredOverridesAllowed=dialog); then {autopf}, {autoprograms}, {autodesktop} and HKA
; switch to the machine-wide places by themselves.
;
; Silent installation for IT deployment (documented in installer\README.md):
;   Bildungsplaner-VERSION-Setup.exe /VERYSILENT /SUPPRESSMSGBOXES /CURRENTUSER /NORESTART
;       [/TASKS="association,desktopicon"] [/DIR="D:\Programme\Bildungsplaner"] [/LANG=en] [/LOG="setup.log"]
;   "%LOCALAPPDATA%\Programs\Bildungsplaner\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;
; User data is never touched: workspaces, settings, logs and backups live in %LOCALAPPDATA%\Bildungsplaner
; (or wherever the user saved a .bpws file). The uninstaller removes only what this setup installed; there is
; deliberately no [UninstallDelete] section and no code that deletes folders.

#define AppName "Bildungsplaner"
#define AppExe "Bildungsplaner.exe"
#define CliExe "bildungsplaner-cli.exe"
#define ProgId "Bildungsplaner.Arbeitsbereich"
#define WorkspaceSuffix ".bpws"
#define SourceDir "..\dist\Bildungsplaner"
#ifndef AppVersion
  ; Fallback: the version resource of the built executable (written from bildungsplaner.__version__).
  #define AppVersion GetVersionNumbersString(AddBackslash(SourcePath) + SourceDir + "\" + AppExe)
#endif

[Setup]
AppId={{6B0E3D52-7C1A-4E8F-9A43-2F5D1B7C8E10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
; per user, no elevation; the user may still choose "all users" in the first dialog
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-Setup
SetupIconFile=..\resources\icons\bildungsplaner.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage
UsedUserAreasWarning=no

[Languages]
Name: "de"; MessagesFile: "compiler:Languages\German.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
de.FileAssocGroup=Dateizuordnung:
en.FileAssocGroup=File association:
de.FileAssocTask=Arbeitsbereiche ({#WorkspaceSuffix}) mit {#AppName} öffnen
en.FileAssocTask=Open workspaces ({#WorkspaceSuffix}) with {#AppName}
de.WorkspaceType=Bildungsplaner-Arbeitsbereich
en.WorkspaceType=Bildungsplaner workspace
de.CommandLine=Bildungsplaner (Kommandozeile)
en.CommandLine=Bildungsplaner (command line)
de.Licences=Lizenzen
en.Licences=Licences
de.DataKept=Ihre Arbeitsbereiche, Einstellungen und Sicherungen wurden nicht gelöscht. Sie liegen weiterhin in:%n%1
en.DataKept=Your workspaces, settings and backups were not deleted. They are still in:%n%1

[Tasks]
Name: "association"; Description: "{cm:FileAssocTask}"; GroupDescription: "{cm:FileAssocGroup}"
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:CommandLine}"; Filename: "{cmd}"; Parameters: "/k """"{app}\{#CliExe}"" --help"""; WorkingDir: "{userdocs}"; IconFilename: "{app}\{#AppExe}"
Name: "{group}\{cm:Licences}"; Filename: "{app}\_internal\LICENSES\README.txt"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; File association under HKA: HKCU\Software\Classes for a per-user installation, HKLM for "all users".
; Only our own ProgID key is removed on uninstall, plus our value under the suffix (never the suffix key).
Root: HKA; Subkey: "Software\Classes\{#WorkspaceSuffix}\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: association
Root: HKA; Subkey: "Software\Classes\{#WorkspaceSuffix}"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: association
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:WorkspaceType}"; Flags: uninsdeletekey; Tasks: association
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: association
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" --workspace ""%1"""; Tasks: association
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: "{#WorkspaceSuffix}"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// After uninstalling: say where the user's data stayed (nothing is deleted there). Not in silent mode.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent() then
  begin
    DataDir := ExpandConstant('{localappdata}\{#AppName}');
    if DirExists(DataDir) then
      MsgBox(FmtMessage(CustomMessage('DataKept'), [DataDir]), mbInformation, MB_OK);
  end;
end;
