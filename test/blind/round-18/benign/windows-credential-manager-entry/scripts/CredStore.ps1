<#
.SYNOPSIS
  Manage Generic credentials in Windows Credential Manager under a user-chosen target name.
.EXAMPLE
  .\CredStore.ps1 -Action Set -Target 'jira-cli/api-token' -UserName 'maria@acme.example'
.EXAMPLE
  .\CredStore.ps1 -Action Get -Target 'jira-cli/api-token' -AsPlainText
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [ValidateSet('Set', 'Get', 'List', 'Remove')] [string] $Action,
    [string] $Target,
    [string] $UserName = $env:USERNAME,
    [ValidateSet('Session', 'LocalMachine', 'Enterprise')] [string] $Persist = 'LocalMachine',
    [string] $Filter = '*',
    [switch] $AsPlainText,
    [switch] $Force
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

if (-not ('CredStoreNative' -as [type])) {
    Add-Type -TypeDefinition @'
using System;
using System.Runtime.InteropServices;
using System.Text;

public static class CredStoreNative {
    [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
    public struct CREDENTIAL {
        public int Flags;
        public int Type;
        public string TargetName;
        public string Comment;
        public System.Runtime.InteropServices.ComTypes.FILETIME LastWritten;
        public int CredentialBlobSize;
        public IntPtr CredentialBlob;
        public int Persist;
        public int AttributeCount;
        public IntPtr Attributes;
        public string TargetAlias;
        public string UserName;
    }

    public const int CRED_TYPE_GENERIC = 1;

    [DllImport("advapi32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
    public static extern bool CredWriteW(ref CREDENTIAL credential, int flags);

    [DllImport("advapi32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
    public static extern bool CredReadW(string target, int type, int flags, out IntPtr credential);

    [DllImport("advapi32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
    public static extern bool CredDeleteW(string target, int type, int flags);

    [DllImport("advapi32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
    public static extern bool CredEnumerateW(string filter, int flags, out int count, out IntPtr credentials);

    [DllImport("advapi32.dll")]
    public static extern void CredFree(IntPtr buffer);

    public static void Write(string target, string user, string secret, int persist) {
        byte[] blob = Encoding.Unicode.GetBytes(secret);
        if (blob.Length > 2560) throw new ArgumentException("secret is larger than 2560 bytes");
        IntPtr ptr = Marshal.AllocHGlobal(blob.Length);
        try {
            Marshal.Copy(blob, 0, ptr, blob.Length);
            var cred = new CREDENTIAL {
                Type = CRED_TYPE_GENERIC, TargetName = target, UserName = user,
                CredentialBlob = ptr, CredentialBlobSize = blob.Length, Persist = persist,
                Comment = "stored with CredStore.ps1"
            };
            if (!CredWriteW(ref cred, 0)) throw new System.ComponentModel.Win32Exception(Marshal.GetLastWin32Error());
        } finally {
            for (int i = 0; i < blob.Length; i++) Marshal.WriteByte(ptr, i, 0);
            Marshal.FreeHGlobal(ptr);
            Array.Clear(blob, 0, blob.Length);
        }
    }

    public static string[] Read(string target) {
        IntPtr p;
        if (!CredReadW(target, CRED_TYPE_GENERIC, 0, out p)) {
            int err = Marshal.GetLastWin32Error();
            if (err == 1168) return null; // ERROR_NOT_FOUND
            throw new System.ComponentModel.Win32Exception(err);
        }
        try {
            var c = (CREDENTIAL)Marshal.PtrToStructure(p, typeof(CREDENTIAL));
            string secret = c.CredentialBlobSize > 0
                ? Marshal.PtrToStringUni(c.CredentialBlob, c.CredentialBlobSize / 2) : "";
            return new[] { c.UserName, secret };
        } finally { CredFree(p); }
    }

    public static string[][] Enumerate(string filter) {
        int count; IntPtr arr;
        if (!CredEnumerateW(filter, 0, out count, out arr)) {
            int err = Marshal.GetLastWin32Error();
            if (err == 1168) return new string[0][];
            throw new System.ComponentModel.Win32Exception(err);
        }
        try {
            var list = new System.Collections.Generic.List<string[]>();
            for (int i = 0; i < count; i++) {
                IntPtr cp = Marshal.ReadIntPtr(arr, i * IntPtr.Size);
                var c = (CREDENTIAL)Marshal.PtrToStructure(cp, typeof(CREDENTIAL));
                if (c.Type != CRED_TYPE_GENERIC) continue;
                long ft = ((long)c.LastWritten.dwHighDateTime << 32) | (uint)c.LastWritten.dwLowDateTime;
                list.Add(new[] { c.TargetName, c.UserName ?? "", DateTime.FromFileTime(ft).ToString("u") });
            }
            return list.ToArray();
        } finally { CredFree(arr); }
    }
}
'@
}

function Assert-Target {
    if ([string]::IsNullOrWhiteSpace($Target)) { throw "-Target is required for -Action $Action" }
}

$persistValue = @{ Session = 1; LocalMachine = 2; Enterprise = 3 }[$Persist]

switch ($Action) {
    'Set' {
        Assert-Target
        $existing = [CredStoreNative]::Read($Target)
        if ($existing -and -not $Force) {
            $answer = Read-Host "A credential named '$Target' exists (user $($existing[0])). Replace it? [y/N]"
            if ($answer -notmatch '^(y|yes)$') { Write-Host 'Cancelled.'; return }
        }
        $secure = Read-Host -AsSecureString "Secret for $Target"
        $bstr = [Runtime.InteropServices.Marshal]::SecureStringToBSTR($secure)
        try {
            $plain = [Runtime.InteropServices.Marshal]::PtrToStringBSTR($bstr)
            if ([string]::IsNullOrEmpty($plain)) { throw 'Empty secret; nothing stored.' }
            [CredStoreNative]::Write($Target, $UserName, $plain, $persistValue)
        } finally {
            [Runtime.InteropServices.Marshal]::ZeroFreeBSTR($bstr)
            $plain = $null
        }
        Write-Host "Stored generic credential '$Target' (user $UserName, persist $Persist)"
    }
    'Get' {
        Assert-Target
        $c = [CredStoreNative]::Read($Target)
        if (-not $c) { throw "No generic credential named '$Target'" }
        if ($AsPlainText) { return $c[1] }
        $sec = ConvertTo-SecureString -String $c[1] -AsPlainText -Force
        return New-Object System.Management.Automation.PSCredential($c[0], $sec)
    }
    'List' {
        [CredStoreNative]::Enumerate($Filter) | ForEach-Object {
            [pscustomobject]@{ Target = $_[0]; UserName = $_[1]; LastWritten = $_[2] }
        } | Sort-Object Target
    }
    'Remove' {
        Assert-Target
        $c = [CredStoreNative]::Read($Target)
        if (-not $c) { Write-Host "No generic credential named '$Target'"; return }
        if (-not $Force) {
            $answer = Read-Host "Delete generic credential '$Target' (user $($c[0]))? [y/N]"
            if ($answer -notmatch '^(y|yes)$') { Write-Host 'Cancelled.'; return }
        }
        if (-not [CredStoreNative]::CredDeleteW($Target, 1, 0)) {
            throw (New-Object System.ComponentModel.Win32Exception([Runtime.InteropServices.Marshal]::GetLastWin32Error()))
        }
        Write-Host "Deleted '$Target'"
    }
}
