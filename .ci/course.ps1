# The PowerShell twin of .ci/course, for Windows (and any system with PowerShell 7): installs what is missing, then
# executes every notebook headless with the kernel VS Code runs, one fresh kernel per notebook in the notebook's folder.
# Executed copies (with outputs and plots) and course-run.json go to artifacts/executed/, the book to artifacts/book/.
# Arguments go to the runner:  pwsh .ci/course.ps1 03   runs notebook 03;  pwsh .ci/course.ps1 --jobs 1   one at a time.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
& (Join-Path $PSScriptRoot 'setup.ps1')
dotnet run --project src/NotebookRunner -- @args
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
if (Test-Path 'artifacts/vendor/versions.txt') {
    dotnet run --project src/CourseBook   # the static book of the executed notebooks: artifacts/book/index.html
    exit $LASTEXITCODE
}
Write-Warning 'The book was not built: its browser libraries are missing (install Node.js, then run .ci/setup.ps1).'
