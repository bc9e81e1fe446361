using Holded.Partners.Access.Audit;
using Holded.Partners.Access.Grants;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;

namespace Holded.Partners.Access.Tests;

public class AuditTests(PartnersApp app) : AppTest(app)
{
    private static string[] Types(Reply reply) => Items(reply).Select(i => i.Type).ToArray();

    private static IReadOnlyList<AuditEntry> Items(Reply reply) => reply.ShouldBe(HttpStatusCode.OK).As<AuditPage>().Items;

    /// <summary>A grant given, changed, used, refused, removed, given again and ended with the collaboration.</summary>
    private async Task<(Guid Collaboration, Guid Partner, Actor FirmAdmin, Guid Business, Actor Owner)> History()
    {
        var p = await Api.Collaborating();
        (await Api.Post("/api/v1/access/sessions", p.FirmAdmin, new { clientAccountId = p.Business })).ShouldBeProblem(HttpStatusCode.Forbidden);
        await Api.Put($"/api/v1/collaborations/{p.Collaboration}/access-grant", p.Owner, new { role = "full_advisor" });
        await Api.Put($"/api/v1/collaborations/{p.Collaboration}/access-grant", p.Owner, new { role = "accountant" });
        (await Api.Post("/api/v1/access/sessions", p.FirmAdmin, new { clientAccountId = p.Business })).ShouldBe(HttpStatusCode.Created);
        await Api.Delete($"/api/v1/collaborations/{p.Collaboration}/access-grant", p.Owner);
        await Api.Put($"/api/v1/collaborations/{p.Collaboration}/access-grant", p.Owner, new { role = "read_only" });
        await Api.Settled(() => Api.Post($"/api/v1/collaborations/{p.Collaboration}/end", p.Owner, new { reason = "Fin.", confirm = true }));
        return p;
    }

    [Fact]
    public async Task every_access_fact_lands_in_the_trail_newest_first_with_before_and_after()
    {
        var (collaboration, partner, firmAdmin, business, owner) = await History();
        var trail = (await Api.Get($"/api/v1/audit/access?clientAccountId={business}", owner)).ShouldBe(HttpStatusCode.OK);
        Types(trail).ShouldBe(["grant_terminated", "grant_created", "grant_removed", "session_opened", "grant_changed", "grant_created", "access_denied"]);
        var changed = Items(trail).Single(i => i.Type == "grant_changed");
        changed.RoleBefore.ShouldBe("full_advisor");
        changed.RoleAfter.ShouldBe("accountant");
        changed.Actor.ShouldBe(owner.UserId);
        changed.PartnerAccountId.ShouldBe(partner);
        var session = Items(trail).Single(i => i.Type == "session_opened");
        session.Member.ShouldBe(firmAdmin.UserId);
        session.Permissions.ShouldNotBeNull().ShouldContain("accounting:write");
        Items(trail).Single(i => i.Type == "access_denied").Reason.ShouldBe("no_grant");
    }

    [Fact]
    public async Task filters_and_cursor_paging()
    {
        var (_, partner, firmAdmin, business, owner) = await History();
        Types((await Api.Get($"/api/v1/audit/access?partnerAccountId={partner}&type=grant_created", firmAdmin)).ShouldBe(HttpStatusCode.OK))
            .ShouldBe(["grant_created", "grant_created"]);
        Types(await Api.Get($"/api/v1/audit/access?partnerAccountId={partner}&userId={firmAdmin.UserId}", firmAdmin))
            .ShouldBe(["session_opened", "access_denied"]);

        var first = await Api.Get($"/api/v1/audit/access?clientAccountId={business}&limit=3", owner);
        Types(first).Length.ShouldBe(3);
        var cursor = first.As<AuditPage>().NextCursor.ShouldNotBeNull();
        var second = await Api.Get($"/api/v1/audit/access?clientAccountId={business}&limit=3&cursor={cursor}", owner);
        var third = await Api.Get($"/api/v1/audit/access?clientAccountId={business}&limit=3&cursor={second.As<AuditPage>().NextCursor.ShouldNotBeNull()}", owner);
        Types(second).Concat(Types(third)).ShouldBe(["session_opened", "grant_changed", "grant_created", "access_denied"]);
        third.As<AuditPage>().NextCursor.ShouldBeNull();
        Items(await Api.Get($"/api/v1/audit/access?clientAccountId={business}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddYears(-1).ToString("O"))}", owner)).ShouldBeEmpty();
        Items(await Api.Get($"/api/v1/audit/access?clientAccountId={business}&from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddYears(-1).ToString("O"))}", owner)).Count.ShouldBe(7);
    }

    [Fact]
    public async Task the_trail_comes_as_csv_too()
    {
        var (_, _, _, business, owner) = await History();
        var csv = await Api.Send(HttpMethod.Get, $"/api/v1/audit/access?clientAccountId={business}", owner, accept: "text/csv");
        csv.ShouldBe(HttpStatusCode.OK);
        csv.ContentType.ShouldBe("text/csv");
        var lines = csv.Body.TrimEnd('\n').Split('\n');
        lines[0].ShouldStartWith("at,type,client_account_id");
        lines.Length.ShouldBe(8);
        lines[1].ShouldContain(",grant_terminated,");
    }

    [Fact]
    public async Task who_reads_which_trail()
    {
        var (_, partner, firmAdmin, business, owner) = await History();
        var marta = await Api.AddMember(partner, firmAdmin, "account_manager");
        (await Api.Get($"/api/v1/audit/access?clientAccountId={business}", firmAdmin)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/audit/access?partnerAccountId={partner}", owner)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/audit/access?partnerAccountId={partner}", marta)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Get("/api/v1/audit/access", owner)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Get($"/api/v1/audit/access?clientAccountId={business}", Actor.Reviewer())).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/audit/access?clientAccountId={business}", null)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        Types((await Api.Get("/api/v1/audit/access", Actor.Auditor())).ShouldBe(HttpStatusCode.OK)).Length.ShouldBe(7);
        (await Api.Get("/api/v1/audit/access?type=everything&limit=0&cursor=x", Actor.Auditor())).ShouldBeInvalid("type", "limit", "cursor");
    }

    [Fact]
    public async Task a_firm_administrator_follows_one_member_across_all_clients()
    {
        var (first, partner, firmAdmin, business, owner) = await Api.Collaborating();
        var otherOwner = Actor.Person("Other Owner");
        var (otherBusiness, request) = await Api.RequestedCollaboration(otherOwner, partner);
        var second = await Api.AcceptRequest(firmAdmin, request);
        await Api.Put($"/api/v1/collaborations/{first}/access-grant", owner, new { role = "accountant" });
        await Api.Put($"/api/v1/collaborations/{second}/access-grant", otherOwner, new { role = "read_only" });
        foreach (var client in new[] { business, otherBusiness })
            (await Api.Post("/api/v1/access/sessions", firmAdmin, new { clientAccountId = client })).ShouldBe(HttpStatusCode.Created);

        var sessions = Items(await Api.Get($"/api/v1/audit/access?partnerAccountId={partner}&userId={firmAdmin.UserId}&type=session_opened", firmAdmin));
        sessions.Select(i => i.ClientAccountId).Order().ShouldBe(new[] { business, otherBusiness }.Order());
        // Each client still sees only its own.
        Types(await Api.Get($"/api/v1/audit/access?clientAccountId={otherBusiness}", otherOwner)).ShouldBe(["session_opened", "grant_created"]);
        (await Api.Get($"/api/v1/audit/access?clientAccountId={business}", otherOwner)).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task an_expiry_is_an_entry_by_the_system_and_every_entry_has_its_time_and_correlation()
    {
        var (collaboration, _, _, business, owner) = await Api.Collaborating();
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        var tracked = await App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).ExecuteAndWaitAsync(
            (Func<Wolverine.IMessageContext, Task>)(_ => Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner,
                new { role = "accountant", expiresAt = DateTimeOffset.UtcNow.AddDays(2) })));
        var expiry = tracked.Scheduled.Envelopes().Single(e => e.Message is ExpireGrant).Message!;
        App.Clock.Advance(TimeSpan.FromDays(3));
        await Api.Messages(() => Wolverine.HostBuilderExtensions.MessageBus(App.Host).PublishAsync(expiry).AsTask());

        var items = Items(await Api.Get($"/api/v1/audit/access?clientAccountId={business}", owner));
        Types(await Api.Get($"/api/v1/audit/access?clientAccountId={business}", owner)).ShouldBe(["grant_expired", "grant_created"]);
        items[0].Actor.ShouldBe("system");
        items[0].RoleBefore.ShouldBe("accountant");
        foreach (var item in items)
        {
            item.At.ShouldBeGreaterThan(started);
            item.CorrelationId.ShouldNotBeNullOrWhiteSpace();
        }
        (await Api.Get($"/api/v1/audit/access?clientAccountId={business}&from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", owner))
            .ShouldBeInvalid("from");
    }

    [Fact]
    public async Task the_trail_rebuilds_identically()
    {
        await History();
        await App.ShouldRebuildIdentically<AuditEntry>(typeof(AuditProjection));
    }
}

public class CheckAuditTests(PartnersApp app) : AppTest(app)
{
    [Fact]
    public async Task a_denied_check_is_an_access_denied_entry_and_an_allowed_one_is_not()
    {
        var (collaboration, _, firmAdmin, business, owner) = await Api.Collaborating();
        await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "payroll_advisor" });
        var erp = Actor.Service("partners.access.check");
        await Api.Post("/api/v1/access/check", erp, new { userId = firmAdmin.UserId, clientAccountId = business, section = "payroll", action = "write" });
        await Api.Post("/api/v1/access/check", erp, new { userId = firmAdmin.UserId, clientAccountId = business, section = "taxes", action = "read" });
        await Api.Post("/api/v1/access/check", erp, new { userId = Actor.Person().UserId, clientAccountId = business, section = "taxes", action = "read" });
        await App.DenialWindowsEndedAsync();
        var trail = await Api.Get($"/api/v1/audit/access?clientAccountId={business}&type=access_denied", owner);
        var denied = trail.ShouldBe(HttpStatusCode.OK).As<AuditPage>().Items.ShouldHaveSingleItem();
        denied.Member.ShouldBe(firmAdmin.UserId);
        denied.Reason.ShouldBe("role_level_too_low");
        denied.Permissions.ShouldBe("taxes:read");
    }

    [Theory]
    [InlineData("client")]
    [InlineData("client,from,to")]
    [InlineData("firm")]
    [InlineData("firm,member")]
    [InlineData("member")]
    [InlineData("")]
    [InlineData("client,type")]
    public async Task every_read_of_the_trail_walks_an_index_and_stops_at_the_page(string filters)
    {
        var f = filters.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var query = new Holded.Partners.Access.Audit.AuditQuery
        {
            ClientAccountId = f.Contains("client") ? Guid.NewGuid() : null, PartnerAccountId = f.Contains("firm") ? Guid.NewGuid() : null,
            UserId = f.Contains("member") ? "user-1" : null, Type = f.Contains("type") ? "access_denied" : null,
            From = f.Contains("from") ? DateTimeOffset.UtcNow.AddDays(-30) : null, To = f.Contains("to") ? DateTimeOffset.UtcNow : null,
        };
        var database = App.Host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>();
        await using var connection = await database.OpenConnectionAsync();
        // Whatever the table holds, the plan must be possible without reading it whole or sorting it.
        await using (var off = new Npgsql.NpgsqlCommand("set enable_seqscan = off; set enable_sort = off", connection)) await off.ExecuteNonQueryAsync();
        await using var read = Holded.Partners.Access.Audit.AuditReads.Command(query, database);
        await using var explain = new Npgsql.NpgsqlCommand("explain " + read.CommandText, connection);
        foreach (Npgsql.NpgsqlParameter p in read.Parameters) explain.Parameters.Add(p.Clone());
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
        var text = string.Join("\n", plan);
        text.ShouldNotContain("Seq Scan", customMessage: text);
        text.ShouldNotMatch(@"(^|-> +)Sort +\(", text); // a sort node; an index named after sort_key is fine
        text.ShouldContain("Index", customMessage: text);
        // The filter is what the index is searched by, not a condition checked on every entry walked.
        // (A member's entries are the narrowest walk of all: what they did, and what was done to them, merged.)
        // With a firm too, the planner may walk the firm's index instead (its choice follows the table's statistics,
        // which the earlier tests shape): either is a walk bounded by the page.
        if (query.UserId is not null && query.PartnerAccountId is not null)
            text.ShouldMatch(@"Index Cond: \(+(member\)?(::text)?|partner_account_id) = ", text);
        else if (query.UserId is not null) text.ShouldMatch(@"Index Cond: \(+member\)?(::text)? = [\s\S]*Index Cond: \(+actor\)?(::text)? = ", text);
        else if (query.ClientAccountId is not null) text.ShouldMatch(@"Index Cond: \(+client_account_id = ", text);
        else if (query.PartnerAccountId is not null) text.ShouldMatch(@"Index Cond: \(+partner_account_id = ", text);
    }
}
