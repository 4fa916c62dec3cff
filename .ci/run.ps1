# The PowerShell twin of .ci/run, for Windows (and any system with PowerShell 7): installs what is missing, builds, then
# runs every test (unit tests, notebook lint, every notebook executed headless, every lesson program run and compared).
# Some tests need what .ci/setup installs on Debian and this script does not: Python's nbformat (the executed copies'
# schema check) and a Chromium (the book in a browser; set BOOK_BROWSER to a Chrome or Chromium executable).
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
$start = Get-Date
& (Join-Path $PSScriptRoot 'setup.ps1')
dotnet build Course.sln --no-restore --nologo --verbosity quiet
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
$log = New-TemporaryFile
dotnet test Course.sln --no-build --nologo 2>&1 | Tee-Object -FilePath $log
$status = $LASTEXITCODE
# One plain closing line, "N passed, N failed", summed over the test projects (one summary line each).
$passed = 0; $failed = 0
foreach ($line in Get-Content $log | Where-Object { $_ -match '^(Passed|Failed)!' }) {
    if ($line -match 'Passed:\s*(\d+)') { $passed += [int]$Matches[1] }
    if ($line -match 'Failed:\s*(\d+),') { $failed += [int]$Matches[1] }
}
Remove-Item $log
Write-Host "CI took $([int]((Get-Date) - $start).TotalSeconds) s."
Write-Host "$passed passed, $failed failed"
exit $status
