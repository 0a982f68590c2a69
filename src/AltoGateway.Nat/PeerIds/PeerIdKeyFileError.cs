namespace AltoGateway.Nat.PeerIds;

/// <summary>Why the content of a peer-ID key file was refused.</summary>
public enum PeerIdKeyFileError
{
    /// <summary>No error.</summary>
    None,

    /// <summary>The file is empty.</summary>
    Empty,

    /// <summary>The first line is not the <c>altogw-peer-id-key</c> header.</summary>
    NotAKeyFile,

    /// <summary>The header names a format version this build does not read.</summary>
    UnsupportedVersion,

    /// <summary>The key line is missing.</summary>
    MissingKey,

    /// <summary>The key line is not unpadded base64url.</summary>
    KeyNotBase64Url,

    /// <summary>The key is not 32 bytes long.</summary>
    WrongKeyLength,

    /// <summary>The key is all zero bytes: a truncated or zeroed file, not a generated key.</summary>
    KeyAllZero,

    /// <summary>Something follows the key line.</summary>
    TrailingContent,
}
