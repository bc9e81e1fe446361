using Holded.Partners.Access.Audit;
using Holded.Partners.Access.State;
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

/// <summary>After any rebuild, every node drops what it holds of access facts: documents were rewritten under it.</summary>
internal sealed class ForgetAccessAfterRebuild(NpgsqlDataSource database) : IAfterRebuild
{
    public async Task AfterRebuildAsync(CancellationToken ct)
    {
        await using var reset = database.CreateCommand($"select pg_notify('{AccessChanges.Channel}', '*')");
        await reset.ExecuteNonQueryAsync(ct);
    }
}
