using Holded.Partners.Access.Grants;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine;

namespace Holded.Partners.Access.Tests;

/// <summary>
/// A grant's expiry is scheduled in PostgreSQL, not in a node's memory: the node that scheduled it may stop, and the
/// node that starts after it delivers the expiry when it falls due. An app of its own, since its first node is stopped.
/// </summary>
public class ScheduledExpiryTests : IAsyncLifetime
{
    private readonly PartnersApp _app = new();
    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task the_scheduled_expiry_is_kept_in_the_database_so_a_restart_does_not_lose_it()
    {
        var api = new Api(_app);
        var (collaboration, _, _, _, owner) = await api.Collaborating();
        var url = $"/api/v1/collaborations/{collaboration}/access-grant";
        await api.Settled(() => api.Put(url, owner, new { role = "accountant", expiresAt = DateTimeOffset.UtcNow.AddDays(40) }));
        var scheduled = await Scheduled(collaboration);
        scheduled.Count(t => t.Contains(nameof(ExpireGrant), StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
        scheduled.Count(t => t.Contains(nameof(RemindGrantExpiry), StringComparison.OrdinalIgnoreCase)).ShouldBe(3);

        // The node that scheduled it stops; then the expiry falls due (its row brought to now: forty days pass).
        await _app.Host.StopAsync();
        await Execute("update wolverine.wolverine_incoming_envelopes set execution_time = now() " +
            "where status = 'Scheduled' and message_type ilike '%ExpireGrant%' and position(convert_to(@id, 'UTF8') in body) > 0", collaboration);

        // A node started afterwards, on the same database, that never scheduled anything: it delivers the expiry.
        await using var restarted = await _app.StartNodeAsync(s => s.DisableAllExternalWolverineTransports().RunWolverineInSoloMode());
        await Eventually.Until(_app.ConnectionString,
            async () => await Eventually.CountAsync(_app.ConnectionString, "select count(*) from events.mt_events where type = 'access.access_expired'") == 1,
            TimeSpan.FromSeconds(30), "the restarted node delivered the scheduled expiry");
        (await Scheduled(collaboration)).ShouldNotContain(t => t.Contains(nameof(ExpireGrant), StringComparison.OrdinalIgnoreCase));
        (await new Api(restarted).GetAs<GrantView>(url, owner)).Status.ShouldBe("expired");
    }

    private async Task<List<string>> Scheduled(Guid collaboration)
    {
        await using var connection = new NpgsqlConnection(_app.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "select message_type from wolverine.wolverine_incoming_envelopes where status = 'Scheduled' and position(convert_to(@id, 'UTF8') in body) > 0",
            connection);
        query.Parameters.AddWithValue("id", collaboration.ToString());
        var scheduled = new List<string>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync()) scheduled.Add(reader.GetString(0));
        return scheduled;
    }

    private async Task Execute(string sql, Guid collaboration)
    {
        await using var connection = new NpgsqlConnection(_app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", collaboration.ToString());
        (await command.ExecuteNonQueryAsync()).ShouldBe(1);
    }
}
