# The PowerShell twin of .ci/setup, for Windows (and any system with PowerShell 7): restores what the course needs and is
# missing, then the .NET tools and packages. Safe to run again.
#   pwsh .ci/setup.ps1
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'; $env:DOTNET_NOLOGO = '1'; $env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
    Write-Error 'The .NET SDK is not on PATH. Install the .NET 10 SDK (see README.md), then run this again.'
}

# Fashion-MNIST: Debian and Ubuntu ship it as a package (.ci/setup installs it there); elsewhere the helper library
# downloads the four files on first use, checks them, and keeps them in data/fashion-mnist/.

# The kernel VS Code's Polyglot extension runs (Microsoft.dotnet-interactive, pinned in .config/dotnet-tools.json);
# the runner drives it to execute the notebooks.
dotnet tool restore
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
dotnet restore Course.sln --verbosity quiet
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

# The course book's browser libraries (plotly.js, KaTeX, highlight.js), from the npm registry, as .ci/setup-book fetches
# them; without Node.js the notebooks still run, only the book is not built.
$plotly = '2.28.0'; $katex = '0.16.22'; $hljs = '11.11.1'
$vendor = 'artifacts/vendor'
$want = "plotly.js-dist-min@$plotly katex@$katex @highlightjs/cdn-assets@$hljs"
$stamp = Join-Path $vendor 'versions.txt'
if (-not (Test-Path $stamp) -or (Get-Content $stamp -Raw).Trim() -ne $want) {
    if (Get-Command npm -ErrorAction SilentlyContinue) {
        Write-Host "Fetching the book's browser libraries: $want"
        if (Test-Path $vendor) { Remove-Item -Recurse -Force $vendor }
        New-Item -ItemType Directory -Force $vendor | Out-Null
        npm install --prefix $vendor --no-save --no-package-lock --no-audit --no-fund --loglevel=error $want.Split(' ')
        if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
        Set-Content -Path $stamp -Value $want -NoNewline
    } else {
        Write-Warning 'npm was not found: install Node.js to build the course book (the notebooks and programs run without it).'
    }
}
