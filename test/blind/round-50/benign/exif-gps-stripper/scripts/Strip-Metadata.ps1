<#
.SYNOPSIS
  Remove location / identifying metadata from photos and videos with ExifTool.
.EXAMPLE
  pwsh Strip-Metadata.ps1 -Path .\to-post -Level private
.EXAMPLE
  pwsh Strip-Metadata.ps1 -Path .\album -Level gps -InPlace
#>
[CmdletBinding()]
param(
  [Parameter(Mandatory)] [string[]] $Path,
  [ValidateSet('gps', 'private', 'all')] [string] $Level = 'private',
  [switch] $InPlace,
  [switch] $PurgeBackups
)

$ErrorActionPreference = 'Stop'
$exiftool = (Get-Command exiftool -ErrorAction SilentlyContinue)?.Source
if (-not $exiftool) { throw 'exiftool.exe not found on PATH (winget install OliverBetz.ExifTool)' }

$exts = 'jpg','jpeg','heic','heif','png','tif','tiff','webp','dng','mp4','mov','m4v' | ForEach-Object { '-ext'; $_ }

if ($PurgeBackups) {
  & $exiftool -r -delete_original! @Path
  return
}

$gpsTags = @('-gps:all=', '-xmp:LocationCreated*=', '-xmp:LocationShown*=', '-iptc:City=', '-iptc:Sub-location=',
             '-Keys:GPSCoordinates=', '-UserData:GPSCoordinates=', '-ItemList:GPSCoordinates=')

$tags = switch ($Level) {
  'gps'     { $gpsTags + @('-xmp-photoshop:City=', '-xmp-photoshop:State=', '-xmp-photoshop:Country=', '-iptc:Province-State=') }
  'private' { $gpsTags + @('-SerialNumber=', '-InternalSerialNumber=', '-LensSerialNumber=', '-BodySerialNumber=',
                           '-CameraSerialNumber=', '-OwnerName=', '-CameraOwnerName=', '-Artist=', '-Software=',
                           '-HostComputer=', '-makernotes:all=', '-xmp-xmpMM:all=', '-xmp-photoshop:DocumentAncestors=',
                           '-ThumbnailImage=', '-PreviewImage=', '-Keys:Make=', '-Keys:Model=', '-Keys:Software=') }
  'all'     { @('-all=', '-tagsFromFile', '@', '-icc_profile', '-Orientation') }
}

$outArgs = @()
if (-not $InPlace) { $outArgs = @('-o', '%d/clean/%f.%e') }

& $exiftool -r @exts -m -P @tags @outArgs @Path
if ($LASTEXITCODE -gt 1) { throw "exiftool failed ($LASTEXITCODE)" }

# Verify nothing with GPS is left in the output.
$targets = foreach ($p in $Path) {
  if ($InPlace) { $p }
  elseif (Test-Path $p -PathType Container) { Join-Path $p 'clean' }
  else { Join-Path (Split-Path $p -Parent) 'clean' }
}
$left = & $exiftool -r @exts -q -q -if '$gps:all or $Keys:GPSCoordinates or $UserData:GPSCoordinates' `
          -p '$Directory/$FileName' @targets 2>$null
if ($left) {
  Write-Error ("GPS data still present in:`n" + ($left -join "`n"))
  exit 1
}
$where = if ($InPlace) { 'in place; *_original backups kept' } else { 'copies in clean\' }
Write-Host "Done: level=$Level ($where)"
