rule python_pth_exec_decoded
{
    meta:
        author = "detections team"
        description = "Python .pth startup line that executes decoded or decompressed data"
        date = "2025-09-10"
    strings:
        $imp  = /^import [a-z_,]+;/ ascii
        $exec = /exec\((base64\.b64decode|zlib\.decompress|codecs\.decode)\(/ ascii
        $blob = /[A-Za-z0-9+\/]{120,}={0,2}/ ascii
    condition:
        filesize < 64KB and $imp at 0 and $exec and $blob
}
