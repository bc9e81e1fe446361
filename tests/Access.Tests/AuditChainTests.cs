using System.Text.Json;
using Holded.Partners.Access.Audit;
using Holded.Partners.Access.Audit.Chain;
using Microsoft.Extensions.DependencyInjection;
using Marten;
using Wolverine;
using Npgsql;

namespace Holded.Partners.Access.Tests;

/// <summary>
/// The trail is chained and its heads signed: walked against the events and the digests it verifies, and each way of
/// changing it in PostgreSQL directly (an entry edited, deleted or made up; a chain rewritten from edited events; a
/// digest forged or removed) is reported, naming the entry or the place.
/// </summary>
public class AuditChainTests(PartnersApp app) : AppTest(app)
{
    /// <summary>A grant given and changed, a session, a refusal and a removal: five entries in the client's chain and in the firm's.</summary>
    private async Task<(Guid Partner, Guid Business, Actor Owner, Actor FirmAdmin)> History()
    {
        var p = await Api.Collaborating();
        (await Api.Post("/api/v1/access/sessions", p.FirmAdmin, new { clientAccountId = p.Business })).ShouldBeProblem(HttpStatusCode.Forbidden);
        await Api.Put($"/api/v1/collaborations/{p.Collaboration}/access-grant", p.Owner, new { role = "full_advisor" });
        await Api.Put($"/api/v1/collaborations/{p.Collaboration}/access-grant", p.Owner, new { role = "accountant" });
        (await Api.Post("/api/v1/access/sessions", p.FirmAdmin, new { clientAccountId = p.Business })).ShouldBe(HttpStatusCode.Created);
        await Api.Delete($"/api/v1/collaborations/{p.Collaboration}/access-grant", p.Owner);
        await App.ProjectionsCaughtUpAsync();
        return (p.Partner, p.Business, p.Owner, p.FirmAdmin);
    }

    private Task<PeriodDigest?> Seal() => App.Host.Services.GetRequiredService<AuditSealer>().SealAsync(CancellationToken.None);

    private async Task<AuditVerification> Verify() =>
        (await Api.Get("/api/v1/audit/verify", Actor.Auditor())).ShouldBe(HttpStatusCode.OK).As<AuditVerification>();

    private async Task<int> Sql(string sql)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    private async Task<AuditEntry> Entry(Guid business, string type)
    {
        await using var session = App.Store.QuerySession();
        return (await session.Query<AuditEntry>().Where(e => e.ClientAccountId == business && e.Type == type).ToListAsync()).First();
    }

    [Fact]
    public async Task every_entry_is_chained_for_its_client_and_its_firm_and_the_signed_trail_verifies()
    {
        var (partner, business, owner, _) = await History();
        (await Seal()).ShouldNotBeNull().Chains.ShouldBe(2);
        var verified = await Verify();
        verified.Findings.ShouldBeEmpty();
        verified.Intact.ShouldBeTrue();
        verified.Entries.ShouldBe(5);
        verified.Chains.ShouldBe(2);
        verified.Unsealed.ShouldBe(0);

        await using var session = App.Store.QuerySession();
        var links = await session.Query<AuditLink>().Where(l => l.Chain == AuditHash.ClientChain(business)).OrderBy(l => l.Position).ToListAsync();
        links.Select(l => l.Position).ShouldBe([1, 2, 3, 4, 5]);
        links[0].Previous.ShouldBe(AuditHash.Genesis);
        links.Skip(1).Select(l => l.Previous).ShouldBe(links.SkipLast(1).Select(l => l.Hash));
        (await session.Query<AuditLink>().CountAsync(l => l.Chain == AuditHash.FirmChain(partner))).ShouldBe(5);

        // What happens after a digest is chained, counted as not yet signed, and signed by the next period, chained to the first.
        var grant = $"/api/v1/collaborations/{(await session.Query<AuditEntry>().FirstAsync(e => e.ClientAccountId == business)).CollaborationId}/access-grant";
        await Api.Put(grant, owner, new { role = "read_only" });
        await App.ProjectionsCaughtUpAsync();
        (await Verify()).Unsealed.ShouldBe(1);
        var second = (await Seal()).ShouldNotBeNull();
        second.Id.ShouldBe(2);
        second.Chains.ShouldBe(2);
        (await Verify()).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task a_node_signs_by_itself_what_has_waited_a_period()
    {
        // A node whose period is a second: what the first node chains is signed without anyone asking.
        await using var node = await App.StartNodeAsync(
            s => s.DisableAllExternalWolverineTransports().ConfigureWolverine(o => o.Durability.Mode = Wolverine.DurabilityMode.MediatorOnly),
            new Dictionary<string, string> { ["Audit:DigestEvery"] = "00:00:01" });
        await History();
        await Eventually.Until(App.ConnectionString, async () => (await Verify()).Unsealed == 0, TimeSpan.FromSeconds(30),
            "the node never signed what waited longer than its period");
        var verified = await Verify();
        verified.Intact.ShouldBeTrue();
        verified.SealedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task an_entry_edited_in_the_database_is_named()
    {
        var (_, business, _, _) = await History();
        await Seal();
        var changed = await Entry(business, "grant_changed");
        (await Sql($"update access.mt_doc_auditentry set data = jsonb_set(data, '{{RoleAfter}}', '\"full_advisor\"') where id = '{changed.Id}'")).ShouldBe(1);

        var verified = await Verify();
        verified.Intact.ShouldBeFalse();
        verified.First.ShouldNotBeNull().Kind.ShouldBe(AuditFindingKinds.EntryModified);
        verified.First.EntryId.ShouldBe(changed.Id);
        verified.First.Detail.ShouldContain("roleAfter");
    }

    [Fact]
    public async Task an_entry_deleted_in_the_database_is_named()
    {
        var (_, business, _, _) = await History();
        await Seal();
        var removed = await Entry(business, "session_opened");
        (await Sql($"delete from access.mt_doc_auditentry where id = '{removed.Id}'")).ShouldBe(1);

        var verified = await Verify();
        verified.Intact.ShouldBeFalse();
        verified.First.ShouldNotBeNull().Kind.ShouldBe(AuditFindingKinds.EntryRemoved);
        verified.First.EntryId.ShouldBe(removed.Id);
    }

    [Fact]
    public async Task an_entry_made_up_in_the_database_is_named()
    {
        var (_, business, _, _) = await History();
        await Seal();
        var copied = await Entry(business, "grant_created");
        var forged = Guid.NewGuid();
        (await Sql($"insert into access.mt_doc_auditentry (id, data, mt_dotnet_type, mt_version, mt_last_modified, sort_key, client_account_id, partner_account_id, member, actor) " +
                   $"select '{forged}', jsonb_set(data, '{{Id}}', '\"{forged}\"'), mt_dotnet_type, gen_random_uuid(), now(), sort_key || 'x', client_account_id, partner_account_id, member, actor " +
                   $"from access.mt_doc_auditentry where id = '{copied.Id}'")).ShouldBe(1);

        var verified = await Verify();
        verified.Intact.ShouldBeFalse();
        verified.Findings.ShouldHaveSingleItem().Kind.ShouldBe(AuditFindingKinds.EntryInserted);
        verified.First!.EntryId.ShouldBe(forged);
    }

    [Fact]
    public async Task an_event_rewritten_with_its_trail_and_chain_rebuilt_still_shows_against_the_signed_digest()
    {
        var (_, business, _, _) = await History();
        await Seal();
        // Whoever can write to PostgreSQL changes the event itself, then lets the projections write the trail and the chain again:
        // every row agrees with every other, and only the signature, made with a key outside the database, tells.
        var changed = await Entry(business, "grant_changed");
        (await Sql($"update events.mt_events set data = jsonb_set(data, '{{ToRole}}', '\"full_advisor\"') where id = '{changed.Id}'")).ShouldBe(1);
        using (var daemon = await App.Store.BuildProjectionDaemonAsync())
        {
            await daemon.RebuildProjectionAsync<AuditEntry>(CancellationToken.None);
            await daemon.RebuildProjectionAsync(AuditChainProjection.ProjectionName, CancellationToken.None);
        }
        (await Entry(business, "grant_changed")).RoleAfter.ShouldBe("full_advisor");

        var verified = await Verify();
        verified.Intact.ShouldBeFalse();
        verified.First.ShouldNotBeNull().Kind.ShouldBe(AuditFindingKinds.DigestMismatch);
        verified.First.Chain.ShouldBe(AuditHash.ClientChain(business));
        verified.First.Detail.ShouldContain("up to position 5");
    }

    [Fact]
    public async Task a_chain_rebuilt_from_untouched_events_is_the_same_chain_and_still_verifies()
    {
        await History();
        await Seal();
        await App.ShouldRebuildIdentically<AuditLink>(typeof(AuditChainProjection));
        (await Verify()).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task a_forged_or_missing_digest_shows()
    {
        var (_, business, _, firmAdmin) = await History();
        await Seal();
        (await Api.Post("/api/v1/access/sessions", firmAdmin, new { clientAccountId = business })).ShouldBeProblem(HttpStatusCode.Forbidden);
        await App.ProjectionsCaughtUpAsync();
        (await Seal()).ShouldNotBeNull().Chains.ShouldBe(2);

        (await Sql($"update access.mt_doc_chaindigest set data = jsonb_set(data, '{{Position}}', '4') where data ->> 'Chain' = 'client:{business}' and data ->> 'Number' = '1'")).ShouldBe(1);
        var forged = await Verify();
        forged.First.ShouldNotBeNull().Kind.ShouldBe(AuditFindingKinds.DigestInvalid);
        forged.Findings.ShouldContain(f => f.Kind == AuditFindingKinds.DigestMissing); // its period no longer signs it either

        (await Sql("delete from access.mt_doc_perioddigest where id = 1")).ShouldBe(1);
        (await Verify()).Findings.ShouldContain(f => f.Kind == AuditFindingKinds.DigestMissing && f.Detail.Contains("Period digest 1"));
    }

    [Fact]
    public async Task a_client_exports_its_chain_and_verifies_it_offline_and_an_edited_export_fails()
    {
        var (partner, business, owner, firmAdmin) = await History();
        await Seal();
        var proof = (await Api.Get($"/api/v1/audit/access/proof?clientAccountId={business}", owner)).ShouldBe(HttpStatusCode.OK).As<AuditProof>();
        proof.Entries.Count.ShouldBe(5);
        proof.Digests.ShouldHaveSingleItem().Position.ShouldBe(5);
        var keys = (await Api.Get("/api/v1/audit/keys", null)).ShouldBe(HttpStatusCode.OK).As<AuditKey[]>();
        proof.Keys.Select(k => k.KeyId).ShouldBe(keys.Select(k => k.KeyId));

        // Offline: from the JSON alone.
        var json = JsonSerializer.Serialize(proof);
        var offline = JsonSerializer.Deserialize<AuditProof>(json)!.Verify(keys.Select(k => k.KeyId).ToArray());
        offline.Intact.ShouldBeTrue();
        offline.Unsealed.ShouldBe(0);
        (await Api.Get($"/api/v1/audit/access/proof?partnerAccountId={partner}", firmAdmin)).ShouldBe(HttpStatusCode.OK).As<AuditProof>().Verify().Intact.ShouldBeTrue();

        var edited = proof with { Entries = [.. proof.Entries.Select(e => e.Position == 3 ? e with { Entry = e.Entry! with { RoleAfter = "full_advisor" } } : e)] };
        var refused = edited.Verify();
        refused.Intact.ShouldBeFalse();
        refused.First.ShouldNotBeNull().Kind.ShouldBe(AuditFindingKinds.EntryModified);
        refused.First.EntryId.ShouldBe(proof.Entries[2].Entry!.Id);
        var shortened = proof with { Entries = [.. proof.Entries.Where(e => e.Position != 2)] };
        shortened.Verify().First.ShouldNotBeNull().Kind.ShouldBe(AuditFindingKinds.ChainBroken);
        proof.Verify(["0000000000000000"]).First.ShouldNotBeNull().Kind.ShouldBe(AuditFindingKinds.DigestInvalid); // a key nobody published
    }

    [Fact]
    public async Task only_auditors_verify_the_whole_trail_and_a_proof_is_for_those_who_read_that_trail()
    {
        var (partner, business, owner, firmAdmin) = await History();
        (await Api.Get("/api/v1/audit/verify", owner)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Get("/api/v1/audit/verify", Actor.Operator())).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Get("/api/v1/audit/verify", null)).ShouldBeProblem(HttpStatusCode.Unauthorized);

        (await Api.Get($"/api/v1/audit/access/proof?clientAccountId={business}", Actor.Person())).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/audit/access/proof?clientAccountId={business}", firmAdmin)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/audit/access/proof?partnerAccountId={partner}", owner)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/audit/access/proof?clientAccountId={business}", null)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Get($"/api/v1/audit/access/proof?clientAccountId={business}", Actor.Auditor())).ShouldBe(HttpStatusCode.OK);

        (await Api.Get("/api/v1/audit/access/proof", owner)).ShouldBeInvalid("clientAccountId");
        (await Api.Get($"/api/v1/audit/access/proof?clientAccountId={business}&partnerAccountId={partner}", owner)).ShouldBeProblem(HttpStatusCode.BadRequest);
        (await Api.Get($"/api/v1/audit/access/proof?clientAccountId={business}&type=grant_created", owner)).ShouldBeProblem(HttpStatusCode.BadRequest);
    }
}
