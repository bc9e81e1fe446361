using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Holded.Partners.Web.Tests;

[Collection(BrowserCollection.Name)]
public class AuditViewerTests(BrowserApp app)
{
    private readonly Api _api = new(app);

    private Task<IPage> SignedIn(string email, string locale = "es-ES", string? platformRole = null) =>
        app.SignedIn(email, "/audit", locale, platformRole);

    [Fact]
    public async Task a_client_owner_signs_in_and_reads_who_accessed_the_account_with_a_csv_link()
    {
        var (collaboration, _, firmAdmin, business, owner) = await CollaboratingAs(Actor.Person("Luis"));
        await _api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant" });
        (await _api.Post("/api/v1/access/sessions", firmAdmin, new { clientAccountId = business })).ShouldBe(HttpStatusCode.Created);
        // The ERP asks three times for what an accountant may not do: one entry, with its count.
        for (var i = 0; i < 3; i++)
            (await _api.Post("/api/v1/access/check", Actor.Service("partners.access.check"),
                new { userId = firmAdmin.UserId, clientAccountId = business, section = "inventory", action = "read" })).ShouldBe(HttpStatusCode.OK);
        await app.DenialWindowsEndedAsync();

        var page = await SignedIn(owner.Email);
        await page.GotoAsync(new Uri(app.Address, $"/audit?clientAccountId={business}").ToString());
        (await page.TitleAsync()).ShouldBe("Registro de accesos — Holded Partners");
        var types = await page.Locator("#trail tbody tr td:nth-child(2)").AllInnerTextsAsync();
        types.Select(t => t.Split('\n')[0]).ShouldBe(["Acceso denegado", "Acceso a la cuenta", "Acceso concedido"]);
        (await page.Locator("#trail tr[data-type=access_denied] .count").InnerTextAsync()).ShouldStartWith("3 veces, de ");
        // Names, not ids: the firm's member who entered, the client, the firm; each id on hover.
        var entered = page.Locator("#trail tr[data-type=session_opened]");
        (await entered.Locator("td.actor").InnerTextAsync()).ShouldBe("Firm Admin");
        (await entered.Locator("td.actor span").GetAttributeAsync("title")).ShouldBe(firmAdmin.UserId);
        (await entered.Locator("td.client").InnerTextAsync()).ShouldBe("Panadería Sol SL");
        (await entered.Locator("td.client span").GetAttributeAsync("title")).ShouldBe(business.ToString());
        (await entered.Locator("td.firm").InnerTextAsync()).ShouldBe("Gestoría Test SL");
        (await entered.InnerTextAsync()).ShouldContain("Contabilidad: Ver y editar");
        (await page.Locator("#trail tr[data-type=grant_created] td.actor").InnerTextAsync()).ShouldBe("Luis");
        (await page.Locator("#trail").InnerTextAsync()).ShouldNotContain(firmAdmin.UserId);
        await page.ShouldBeAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Screenshots, "audit-es.png"), FullPage = true });

        // The CSV keeps the ids (the record) and adds the names.
        var csvHref = await page.Locator("#csv").GetAttributeAsync("href");
        var csv = await page.APIRequest.GetAsync(new Uri(app.Address, csvHref!).ToString());
        csv.Status.ShouldBe(200);
        var lines = (await csv.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldEndWith(",correlation_id,count,first_at,last_at,client_name,partner_name,actor_name,member_name");
        lines[1].ShouldContain($",access_denied,{business},");
        lines[2].ShouldContain($",session_opened,{business},");
        lines[2].ShouldContain($",{firmAdmin.UserId},");
        lines[2].ShouldEndWith(",Panadería Sol SL,Gestoría Test SL,Firm Admin,Firm Admin");
        // The API answers the same names beside its entries.
        var trail = await _api.GetAs<Access.Audit.AuditPage>($"/api/v1/audit/access?clientAccountId={business}", owner);
        trail.NameOf(firmAdmin.UserId).ShouldBe("Firm Admin");
        trail.NameOf(business).ShouldBe("Panadería Sol SL");
    }

    [Fact]
    public async Task a_client_downloads_its_chain_as_a_proof_and_an_auditor_sees_the_trail_intact_then_the_entry_edited_in_the_database()
    {
        var (collaboration, _, _, business, owner) = await CollaboratingAs(Actor.Person("Luis"));
        await _api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant" });
        await _api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "read_only" });
        await Marten.Events.TestingExtensions.WaitForNonStaleProjectionDataAsync(app.Host, TimeSpan.FromSeconds(30));
        await app.Host.Services.GetRequiredService<Access.Audit.Chain.AuditSealer>().SealAsync(CancellationToken.None);

        var page = await SignedIn(owner.Email);
        await page.GotoAsync(new Uri(app.Address, $"/audit?clientAccountId={business}").ToString());
        var proof = await page.APIRequest.GetAsync(new Uri(app.Address, (await page.Locator("#proof").GetAttributeAsync("href"))!).ToString());
        proof.Status.ShouldBe(200);
        proof.Headers["content-disposition"].ShouldContain($"audit-proof-{business}.json");
        var exported = System.Text.Json.JsonSerializer.Deserialize<Access.Audit.Chain.AuditProof>(await proof.TextAsync(), Api.Json)!;
        exported.Entries.Count.ShouldBe(2);
        exported.Verify().Intact.ShouldBeTrue();

        var auditor = await app.SignedIn("auditora.integridad@holded.example", "/staff/audit/verify", platformRole: "auditor", javaScript: false);
        (await auditor.Locator("#verdict").GetAttributeAsync("data-intact")).ShouldBe("true", await auditor.Locator("main").InnerTextAsync());
        await auditor.ShouldBeAccessibleAsync();

        // Someone with access to PostgreSQL makes the role change say something else.
        var changed = exported.Entries[1].Entry!.Id;
        var database = app.Host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>();
        async Task Edit(string role)
        {
            await using var edit = database.CreateCommand($"update access.mt_doc_auditentry set data = jsonb_set(data, '{{RoleAfter}}', '\"{role}\"') where id = '{changed}'");
            (await edit.ExecuteNonQueryAsync()).ShouldBe(1);
        }
        await Edit("full_advisor");
        try
        {
            await auditor.ReloadAsync();
            (await auditor.Locator("#verdict").GetAttributeAsync("data-intact")).ShouldBe("false");
            (await auditor.Locator($"#findings tr[data-entry='{changed}'] th").InnerTextAsync()).ShouldBe("Entrada modificada");
            (await auditor.Locator("#verdict").InnerTextAsync()).ShouldContain(changed.ToString());
            // The findings in the page's language, from their kinds: no English on the Spanish page.
            (await auditor.Locator("#verdict").InnerTextAsync()).ShouldContain("fue modificada");
            (await auditor.Locator("#findings tbody").InnerTextAsync()).ShouldNotContain(" was ");
            await auditor.ShouldBeAccessibleAsync();
            await auditor.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Screenshots, "audit-verify-es.png"), FullPage = true });
        }
        finally { await Edit("read_only"); } // the browser tests share a database: put it back as it was
        await auditor.ReloadAsync();
        (await auditor.Locator("#verdict").GetAttributeAsync("data-intact")).ShouldBe("true");

        // Only auditors walk the whole trail: the client gets the API's refusal.
        (await page.GotoAsync(new Uri(app.Address, "/staff/audit/verify").ToString()))!.Status.ShouldBe(403);
    }

    [Fact]
    public async Task the_viewer_refuses_what_the_api_refuses_and_speaks_english_when_asked()
    {
        var (_, _, _, business, _) = await CollaboratingAs(Actor.Person("Luis"));
        var page = await SignedIn("someone.else@example.es", "en-GB");
        var response = await page.GotoAsync(new Uri(app.Address, $"/audit?clientAccountId={business}").ToString());
        response!.Status.ShouldBe(404);
        (await page.TitleAsync()).ShouldBe("Audit trail — Holded Partners");

        var auditor = await SignedIn("auditor@holded.com", platformRole: "auditor");
        await auditor.GotoAsync(new Uri(app.Address, "/audit").ToString());
        (await auditor.Locator("#trail tbody tr").CountAsync()).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task the_filters_narrow_the_trail_the_older_link_pages_it_and_signing_out_ends_the_session()
    {
        var (collaboration, _, firmAdmin, business, owner) = await CollaboratingAs(Actor.Person("Luis"));
        foreach (var role in new[] { "accountant", "read_only", "tax_advisor" })
            await _api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role });
        (await _api.Post("/api/v1/access/sessions", firmAdmin, new { clientAccountId = business })).ShouldBe(HttpStatusCode.Created);

        var page = await SignedIn(owner.Email);
        await page.GotoAsync(new Uri(app.Address, $"/audit?clientAccountId={business}").ToString());
        var rows = page.Locator("#trail tbody tr");
        (await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.type)")).ShouldBe(["session_opened", "grant_changed", "grant_changed", "grant_created"]);

        await page.SelectOptionAsync("select[name=type]", "grant_changed");
        await Task.WhenAll(page.WaitForURLAsync(url => url.Contains("type=grant_changed")), page.ClickAsync("form[role=search] button[type=submit]"));
        (await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.type)")).ShouldBe(["grant_changed", "grant_changed"]);
        await page.FillAsync("input[name=to]", "2020-01-01T00:00");
        await Task.WhenAll(page.WaitForURLAsync(url => url.Contains("to=2020")), page.ClickAsync("form[role=search] button[type=submit]"));
        (await rows.CountAsync()).ShouldBe(0);

        await page.GotoAsync(new Uri(app.Address, $"/audit?clientAccountId={business}&limit=3").ToString());
        (await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.type)")).ShouldBe(["session_opened", "grant_changed", "grant_changed"]);
        await Task.WhenAll(page.WaitForURLAsync(url => url.Contains("cursor=")), page.ClickAsync("a[rel=next]"));
        (await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.type)")).ShouldBe(["grant_created"]);
        (await page.Locator("a[rel=next]").CountAsync()).ShouldBe(0);

        await page.ClickAsync("header details.menu summary"); // the person's menu, where signing out is
        await Task.WhenAll(page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/signin"), page.ClickAsync("header form[action='/signout'] button[type=submit]"));
        (await page.Context.CookiesAsync()).ShouldNotContain(c => c.Name == "partners.web");
        await page.GotoAsync(new Uri(app.Address, "/audit").ToString());
        page.Url.ShouldContain("/signin?");
        var csv = await page.APIRequest.GetAsync(new Uri(app.Address, $"/audit/export.csv?clientAccountId={business}").ToString(),
            new() { MaxRedirects = 0 });
        csv.Status.ShouldBe(302);
    }

    private async Task<(Guid, Guid, Actor, Guid, Actor)> CollaboratingAs(Actor owner)
    {
        // The owner's email is what the development sign-in will present; the API identity must be the same person.
        var signedInOwner = BrowserApp.AsSignedIn(owner);
        var firmAdmin = Actor.Person("Firm Admin");
        var partner = await _api.PublishedPartner(firmAdmin);
        var business = await _api.RegisterBusiness(signedInOwner);
        var conversation = await _api.OpenConversation(signedInOwner, business, partner);
        await _api.RequestCollaboration(signedInOwner, conversation);
        var collaboration = await _api.AcceptRequest(firmAdmin, conversation);
        return (collaboration, partner, firmAdmin, business, signedInOwner);
    }
}
