using System.Text.Json;
using Holded.Partners.Access.Audit;
using Holded.Partners.Access.Audit.Chain;
using Holded.Partners.Access.State;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Holded.Partners.Access;

/// <summary>
/// What the Access module deliberately offers the host beyond its registration: the audit trail as the operators'
/// export reads it (every matching entry, newest first, as CSV), and forgetting what every node holds after a rebuild.
/// </summary>
public static class AccessTrail
{
    public static IReadOnlyList<string> Types => AuditTypes.All;

    /// <summary>Writes the header and every entry that matches, a page at a time; returns how many were written.</summary>
    public static async Task<int> ExportCsvAsync(NpgsqlDataSource database, Guid? client, Guid? firm, string? member, string? type,
        DateTimeOffset? from, DateTimeOffset? to, TextWriter output, Action<int>? progress, CancellationToken ct)
    {
        await output.WriteLineAsync(AuditCsv.Header);
        var query = new AuditQuery
        {
            ClientAccountId = client, PartnerAccountId = firm, UserId = member, Type = type, From = from, To = to, Limit = AuditQuery.MaxLimit,
        };
        var entries = 0;
        while (true)
        {
            var page = await AuditReads.Read(query, database, ct);
            await output.WriteAsync(AuditCsv.Write(page, header: false));
            entries += page.Items.Count;
            progress?.Invoke(entries);
            if (page.NextCursor is null) return entries;
            query.Cursor = page.NextCursor;
        }
    }
}

/// <summary>
/// The trail's integrity, as the operators' commands use it: a verification (of the database, or of an exported proof
/// with no database) told as text, true only when intact; a chain exported as a proof; a period signed now.
/// </summary>
public static class AccessTrailIntegrity
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<(bool Intact, string Report)> VerifyAsync(IServiceProvider services, CancellationToken ct) =>
        Told(await AuditVerifier.VerifyAsync(services.GetRequiredService<IDocumentStore>(), services.GetRequiredService<NpgsqlDataSource>(),
            services.GetRequiredService<AuditSigner>(), ct));

    /// <summary>An exported proof checked alone; only digests signed by <paramref name="trustedKeyId"/> when given.</summary>
    public static (bool Intact, string Report) VerifyProof(string json, string? trustedKeyId)
    {
        try
        {
            return JsonSerializer.Deserialize<AuditProof>(json, Json) is { } proof
                ? Told(proof.Verify(trustedKeyId is null ? null : [trustedKeyId]))
                : (false, "The file holds no proof.");
        }
        catch (JsonException e) { return (false, $"Not a proof: {e.Message}"); }
    }

    public static async Task<string> ProofJsonAsync(IServiceProvider services, Guid? client, Guid? firm, CancellationToken ct) =>
        JsonSerializer.Serialize(await AuditProof.ReadAsync(client is { } c ? AuditHash.ClientChain(c) : AuditHash.FirmChain(firm!.Value),
            services.GetRequiredService<IDocumentStore>(), services.GetRequiredService<NpgsqlDataSource>(), services.GetRequiredService<AuditSigner>(), ct), Json);

    public static async Task<string?> SealAsync(IServiceProvider services, CancellationToken ct) =>
        await services.GetRequiredService<AuditSealer>().SealAsync(ct) is { } period ? $"Period {period.Id} sealed: {period.Chains} chains signed." : null;

    public static string CurrentKey(IServiceProvider services) =>
        services.GetRequiredService<AuditSigner>().Current is var key ? $"key id {key.KeyId}\n{key.PublicKeyPem}" : "";

    private static (bool, string) Told(AuditVerification result)
    {
        var report = new System.Text.StringBuilder(result.Intact
            ? $"Intact: {result.Entries} entries in {result.Chains} chains, signed up to {result.SealedAt:O} ({result.Unsealed} entries not yet signed)."
            : $"NOT INTACT: {result.FindingsCount} findings. First: {result.First!.Kind} {result.First.EntryId} {result.First.Detail}");
        foreach (var finding in result.Findings.Skip(1)) report.Append($"\n  {finding.Kind} {finding.EntryId} {finding.Detail}");
        return (result.Intact, report.ToString());
    }
}

/// <summary>After any rebuild, every node drops what it holds of access facts: documents were rewritten under it.</summary>
internal sealed class ForgetAccessAfterRebuild(NpgsqlDataSource database) : IAfterRebuild
{
    public async Task AfterRebuildAsync(CancellationToken ct)
    {
        await using var reset = database.CreateCommand($"select pg_notify('{AccessChanges.Channel}', '*')");
        await reset.ExecuteNonQueryAsync(ct);
    }
}
