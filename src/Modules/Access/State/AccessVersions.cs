using System.Globalization;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Holded.Partners.Access.State;

/// <summary>
/// The access version: a counter that every transaction changing what access is decided from (a grant, an account's
/// members or plan, a collaboration and its managers) increments in that transaction, as it notifies the change feed.
/// The increment locks the counter's one row until the commit, so versions are numbered in commit order, and
/// PostgreSQL delivers notifications in commit order: a node that has heard version N has heard every change up to N.
/// A write answers the version as read right after its commit (its own, or a later one: never an earlier one), and a
/// check asked with it is decided from state at least that fresh (see <see cref="AccessState.CatchUpAsync"/>).
/// Not the event sequence: sequence numbers are taken when events are appended, not when they commit, so a node that
/// heard number 11 may not yet have heard 10.
/// </summary>
public static class AccessVersions
{
    /// <summary>The response header a write that changed access answers its version in.</summary>
    public const string Header = "Access-Version";

    /// <summary>The field of check, introspect and sessions that asks for state at least as fresh as a version.</summary>
    public const string Field = "atLeastAsFresh";

    public const string Table = $"{AccessModule.Schema}.access_version";

    /// <summary>One row, id 1; created by the first change, never deleted (a store reset leaves it: versions only grow).</summary>
    public static Table Definition()
    {
        var table = new Table(new PostgresqlObjectName(AccessModule.Schema, "access_version", Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        table.AddColumn<int>("id").AsPrimaryKey();
        table.AddColumn<long>("value").NotNull();
        return table;
    }

    /// <summary>Takes the next version and notifies it with what changed ("{version}|{changes}"), in the writer's transaction.</summary>
    public const string NextAndNotify = $"""
        with next as (
          insert into {Table} as v (id, value) values (1, 1)
          on conflict (id) do update set value = v.value + 1
          returning value)
        select pg_notify(?, (select value from next)::text || '|' || ?)
        """;

    private const string CurrentSql = $"select coalesce((select value from {Table} where id = 1), 0)";

    /// <summary>The latest version committed (0 before any).</summary>
    public static async Task<long> CurrentAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(CurrentSql, connection);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public static async Task<long> CurrentAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        await using var command = database.CreateCommand(CurrentSql);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public static string Format(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A version as a caller sends it back: absent (no freshness asked), or the decimal digits a write answered. Callers
    /// treat it as opaque; anything else is malformed.
    /// </summary>
    public static bool TryParse(string? text, out long? version)
    {
        version = null;
        if (text is null) return true;
        if (text.Length is 0 or > 18 || !text.All(char.IsAsciiDigit)) return false;
        version = long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return version > 0;
    }

    /// <summary>A version the input check accepted (null when none was asked for).</summary>
    public static long? Parse(string? text) => TryParse(text, out var version) ? version : null;

    /// <summary>The input check of <see cref="Field"/>: a 400 naming it when malformed.</summary>
    public static Check Version(this Check check, string? value) =>
        check.That(TryParse(value, out _), Field, "must be an access version, as a write that changed access answered it in its Access-Version header.");

    /// <summary>The version is ahead of every change recorded: it was never answered by this system.</summary>
    public static readonly Rule Unknown = new("access_version_unknown",
        "No access change with that version has been recorded: send a version a write answered in its Access-Version header.");

    /// <summary>
    /// Asked for at least a version (as the input check accepted it), this node catches up to it or will read the
    /// database; a version beyond every change recorded is refused (422): no state is that fresh, and answering from
    /// the present would claim a freshness nobody can give. It was never answered here: a forged version, or one from
    /// another environment or from before a restore.
    /// </summary>
    public static async Task<ProblemDetails> RequireAsync(this AccessState state, string? atLeastAsFresh, NpgsqlDataSource database, CancellationToken ct) =>
        await state.CatchUpAsync(Parse(atLeastAsFresh), database, ct) ? Problems.None : Problems.Refused(Unknown);
}
