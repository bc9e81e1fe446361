using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;

namespace Holded.Partners.Access.Audit.Chain;

/// <summary>The audit trail's digests: how often they are signed, with which key, and how long the trail is kept.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>
    /// A PEM file holding the ECDSA P-256 private key digests are signed with. Kept out of the database on purpose: who
    /// can change rows cannot sign. Development uses a local key it creates (<see cref="AuditSigner.DevelopmentKeyFile"/>).
    /// </summary>
    public string? SigningKeyFile { get; set; }
    /// <summary>PEM files of earlier public keys, so digests signed before a key was rotated still verify.</summary>
    public string[] VerificationKeyFiles { get; set; } = [];
    /// <summary>How often the chains' heads are signed (CloudTrail: hourly).</summary>
    public TimeSpan DigestEvery { get; set; } = TimeSpan.FromHours(1);
    /// <summary>At least how long the trail is kept; empty is forever. Nothing deletes an entry sooner.</summary>
    public TimeSpan? KeepFor { get; set; }
}

/// <summary>A public key digests are verified with, and its id (the first 16 hex digits of the SHA-256 of its DER form).</summary>
public sealed record AuditKey(string KeyId, string PublicKeyPem)
{
    public static AuditKey Of(ECDsa key)
    {
        var der = key.ExportSubjectPublicKeyInfo();
        return new AuditKey(Convert.ToHexStringLower(SHA256.HashData(der))[..16], key.ExportSubjectPublicKeyInfoPem());
    }

    public bool Verifies(string text, string signature)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(PublicKeyPem);
        try { return key.VerifyData(Encoding.UTF8.GetBytes(text), Convert.FromBase64String(signature), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence); }
        catch (FormatException) { return false; }
    }
}

/// <summary>Signs digests with the configured key; knows every key a digest may have been signed with.</summary>
public sealed class AuditSigner : IDisposable
{
    private readonly ECDsa _key;

    public AuditSigner(ECDsa key, IEnumerable<AuditKey> earlier)
    {
        _key = key;
        Current = AuditKey.Of(key);
        Keys = new[] { Current }.Concat(earlier).DistinctBy(k => k.KeyId).ToArray();
    }

    public AuditKey Current { get; }
    public IReadOnlyList<AuditKey> Keys { get; }

    public string Sign(string text) =>
        Convert.ToBase64String(_key.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

    public static string DevelopmentKeyFile => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "holded-partners", "audit-signing-key.pem");

    public static AuditSigner Load(AuditOptions options, IHostEnvironment environment)
    {
        var file = options.SigningKeyFile is { Length: > 0 } configured ? configured
            : environment.IsDevelopment() ? EnsureKeyFile(DevelopmentKeyFile)
            : throw new InvalidOperationException("Audit:SigningKeyFile is not configured: the PEM file of the ECDSA P-256 key the audit digests are " +
                "signed with (create one with `openssl ecparam -name prime256v1 -genkey -noout -out audit-signing-key.pem`). Keep it out of the database.");
        var key = ECDsa.Create();
        try { key.ImportFromPem(File.ReadAllText(file)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or CryptographicException)
        {
            throw new InvalidOperationException($"Audit:SigningKeyFile '{file}' is not a readable PEM ECDSA private key: {e.Message}");
        }
        var earlier = options.VerificationKeyFiles.Select(f =>
        {
            using var old = ECDsa.Create();
            old.ImportFromPem(File.ReadAllText(f));
            return AuditKey.Of(old);
        });
        return new AuditSigner(key, earlier.ToArray());
    }

    /// <summary>A key made once where none is (a developer's, a test suite's); written beside and moved into place so two hosts starting together agree.</summary>
    public static string EnsureKeyFile(string file)
    {
        if (File.Exists(file)) return file;
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var written = $"{file}.{Guid.NewGuid():N}";
        File.WriteAllText(written, key.ExportECPrivateKeyPem());
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(written, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try { File.Move(written, file, overwrite: false); }
        catch (IOException) { File.Delete(written); } // another host made it first: theirs is the key
        return file;
    }

    public void Dispose() => _key.Dispose();
}
