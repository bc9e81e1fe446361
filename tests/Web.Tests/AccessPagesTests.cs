using Holded.Partners.Access.Grants;
using Microsoft.Playwright;

namespace Holded.Partners.Web.Tests;

/// <summary>
/// Step 6 ("Mi asesoría → Conceder acceso") and step 9 ("Acceder a la cuenta") in the browser, through the pages only:
/// what the pages save is what the API answers next, and what the API refuses the pages refuse with its words.
/// </summary>
[Collection(BrowserCollection.Name)]
public class AccessPagesTests(BrowserApp app)
{
    private readonly Api _api = new(app);

    private static string AccessPath(Guid business, Guid collaboration) => $"/businesses/{business}/advisors/{collaboration}/access";

    [Fact]
    public async Task the_client_sees_what_a_role_allows_under_its_plan_grants_it_with_an_expiry_changes_it_and_removes_it_without_javascript()
    {
        var (collaboration, _, _, business, owner) = await CollaboratingAs(Actor.Person("Lucia")); // a "standard" plan: no inventory
        var page = await app.SignedIn(owner.Email, AccessPath(business, collaboration), javaScript: false);
        (await page.TitleAsync()).ShouldBe("Conceder acceso — Holded Partners");
        (await page.Locator("#grant-status").InnerTextAsync()).ShouldContain("Todavía no has concedido acceso");
        await page.ShouldBeAccessibleAsync();

        await page.SelectOptionAsync("select[name=role]", "full_advisor");
        await Task.WhenAll(page.WaitForURLAsync(url => url.Contains("role=full_advisor")), page.ClickAsync("#choose-role button[type=submit]"));
        (await page.Locator("#preview tr[data-section=payroll] td.level").InnerTextAsync()).ShouldBe("Ver y editar");
        (await page.Locator("#preview tr[data-section=inventory] td.level").InnerTextAsync()).ShouldBe("Nada");
        (await page.Locator("#preview tr[data-section=inventory] td.why").InnerTextAsync()).ShouldBe("Tu plan Estándar no incluye Inventario");
        await page.ShouldBeAccessibleAsync();
        var expiry = DateTime.UtcNow.Date.AddDays(60);
        await page.FillAsync("input[name=expiresOn]", expiry.ToString("yyyy-MM-dd"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Screenshots, "grant-access-es.png"), FullPage = true });
        await Task.WhenAll(page.WaitForURLAsync(url => url.Contains("done=saved")), page.ClickAsync("#grant button[type=submit]"));
        (await page.Locator("[role=status]").InnerTextAsync()).ShouldBe("Acceso guardado.");
        var granted = await _api.GetAs<GrantView>($"/api/v1/collaborations/{collaboration}/access-grant", owner);
        granted.Role.ShouldBe("full_advisor");
        granted.ExpiresAt.ShouldBe(new DateTimeOffset(expiry.AddDays(1).AddSeconds(-1), TimeSpan.Zero));
        (await page.Locator("#grant-status").InnerTextAsync()).ShouldContain("Asesor completo");

        // Change the role: the form starts from the grant in force.
        (await page.InputValueAsync("input[name=expiresOn]")).ShouldBe(expiry.ToString("yyyy-MM-dd"));
        await page.SelectOptionAsync("select[name=role]", "read_only");
        await Task.WhenAll(page.WaitForURLAsync(url => url.Contains("role=read_only")), page.ClickAsync("#choose-role button[type=submit]"));
        await page.FillAsync("input[name=expiresOn]", "");
        await Task.WhenAll(page.WaitForURLAsync(url => url.Contains("done=saved")), page.ClickAsync("#grant button[type=submit]"));
        var changed = await _api.GetAs<GrantView>($"/api/v1/collaborations/{collaboration}/access-grant", owner);
        (changed.Role, changed.ExpiresAt).ShouldBe(("read_only", (DateTimeOffset?)null));

        // Quitar acceso: a confirmation first, which says what is lost; the collaboration goes on.
        await Task.WhenAll(page.WaitForURLAsync(url => url.EndsWith("/access/remove")), page.ClickAsync("#remove"));
        (await page.Locator("main").InnerTextAsync()).ShouldContain("La colaboración sigue");
        await page.ShouldBeAccessibleAsync();
        (await _api.GetAs<GrantView>($"/api/v1/collaborations/{collaboration}/access-grant", owner)).Status.ShouldBe("active"); // nothing yet
        await Task.WhenAll(page.WaitForURLAsync(url => url.Contains("done=removed")), page.ClickAsync("main button[type=submit]"));
        (await page.Locator("[role=status]").InnerTextAsync()).ShouldContain("Acceso quitado");
        (await _api.GetAs<GrantView>($"/api/v1/collaborations/{collaboration}/access-grant", owner)).Status.ShouldBe("removed");
        (await _api.Get($"/api/v1/collaborations/{collaboration}", owner)).ShouldBe(HttpStatusCode.OK)["status"].GetValue<string>().ShouldBe("active");
    }

    [Fact]
    public async Task an_expiry_the_api_refuses_is_shown_in_its_words_a_stranger_is_told_nothing_and_the_page_speaks_english()
    {
        var (collaboration, _, _, business, owner) = await CollaboratingAs(Actor.Person("Lucia"));
        var api = (await _api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant", expiresAt = "2020-01-01T23:59:59Z" }))
            .ShouldRefuse("expiry_in_the_past");

        var page = await app.SignedIn(owner.Email, AccessPath(business, collaboration) + "?role=accountant", locale: "en-GB");
        (await page.TitleAsync()).ShouldBe("Grant access — Holded Partners");
        (await page.Locator("#preview tr[data-section=accounting] td.level").InnerTextAsync()).ShouldBe("View and edit");
        await page.FillAsync("input[name=expiresOn]", "2020-01-01");
        var answer = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#grant button[type=submit]"), r => r.Request.Method == "POST");
        answer.Status.ShouldBe(422);
        (await page.Locator("#refusal li[data-rule=expiry_in_the_past]").InnerTextAsync())
            .ShouldBe(api.Json!["rules"]![0]!["message"]!.GetValue<string>());
        (await page.InputValueAsync("input[name=expiresOn]")).ShouldBe("2020-01-01"); // what was typed stays
        await page.ShouldBeAccessibleAsync();
        (await _api.GetAs<GrantView>($"/api/v1/collaborations/{collaboration}/access-grant", owner)).Status.ShouldBe("none");

        var stranger = await app.SignedIn("stranger@example.es", "/portal");
        (await stranger.GotoAsync(new Uri(app.Address, AccessPath(business, collaboration)).ToString()))!.Status.ShouldBe(404);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Address };
        (await client.GetAsync(AccessPath(business, collaboration))).Headers.Location!.ToString().ShouldStartWith("/signin?returnUrl=");
    }

    [Fact]
    public async Task a_firm_member_enters_the_clients_account_sees_what_they_hold_and_hands_the_token_to_the_erp_which_stops_honouring_it_once_access_is_removed()
    {
        var firmAdmin = BrowserApp.AsSignedIn(Actor.Person("Marta"));
        var (collaboration, _, _, business, owner) = await CollaboratingAs(Actor.Person("Lucia"), firmAdmin);
        await _api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant" });

        var page = await app.SignedIn(firmAdmin.Email, $"/collaborations/{collaboration}/session", javaScript: false);
        (await page.TitleAsync()).ShouldBe("Acceder a la cuenta — Holded Partners");
        (await page.Locator("#levels tr[data-section=accounting] td.level").InnerTextAsync()).ShouldBe("Ver y editar");
        await page.ShouldBeAccessibleAsync();
        await Task.WhenAll(page.WaitForURLAsync(url => url.Contains("/sessions/")), page.ClickAsync("#enter button[type=submit]"));
        var sessionId = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1]);
        (await page.Locator("#session-state").InnerTextAsync()).ShouldStartWith("Sesión abierta como Contable hasta el");
        (await page.Locator("#held tr[data-section=invoicing] td.level").InnerTextAsync()).ShouldBe("Ver");
        (await page.Locator("#held tr[data-section=payroll] td.level").InnerTextAsync()).ShouldBe("Nada");
        (await page.Locator("#handoff input[name=access_token]").CountAsync()).ShouldBe(1);
        page.Url.ShouldNotContain("token"); // never in a URL
        await page.ShouldBeAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Screenshots, "session-es.png"), FullPage = true });
        var session = (await _api.Get($"/api/v1/access/sessions/{sessionId}", firmAdmin)).ShouldBe(HttpStatusCode.OK);
        session["permissions"]["accounting"].GetValue<string>().ShouldBe("write");
        var trail = (await _api.Get($"/api/v1/audit/access?clientAccountId={business}&type=session_opened", owner)).ShouldBe(HttpStatusCode.OK);
        trail["items"].AsArray().Count.ShouldBe(1);

        // The hand-off: a POST to the ERP (here its development stand-in), which introspects the token.
        await Task.WhenAll(page.WaitForURLAsync(url => url.Contains("/erp-standin/")), page.ClickAsync("#handoff button[type=submit]"));
        (await page.Locator("#standin").InnerTextAsync()).ShouldContain("Sustituto del ERP");
        (await page.Locator("#introspection").InnerTextAsync()).ShouldStartWith("Token activo");
        (await page.Locator("#allows tr[data-section=accounting] td.level").InnerTextAsync()).ShouldBe("Ver y editar");
        await page.ShouldBeAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Screenshots, "erp-standin-es.png"), FullPage = true });

        // The client removes access: the same token, handed over again, no longer works.
        (await _api.Delete($"/api/v1/collaborations/{collaboration}/access-grant", owner)).ShouldBe(HttpStatusCode.NoContent);
        await page.GotoAsync(new Uri(app.Address, $"/sessions/{sessionId}").ToString());
        await Task.WhenAll(page.WaitForURLAsync(url => url.Contains("/erp-standin/")), page.ClickAsync("#handoff button[type=submit]"));
        (await page.Locator("#introspection").InnerTextAsync()).ShouldBe("Token no activo: Acceso quitado.");
    }

    [Fact]
    public async Task entering_without_a_grant_is_refused_in_the_apis_words_and_a_session_is_its_members_alone()
    {
        var firmAdmin = BrowserApp.AsSignedIn(Actor.Person("Marta"));
        var (collaboration, partner, _, business, owner) = await CollaboratingAs(Actor.Person("Lucia"), firmAdmin);
        var api = (await _api.Post("/api/v1/access/sessions", firmAdmin, new { clientAccountId = business })).ShouldBeProblem(HttpStatusCode.Forbidden);

        var page = await app.SignedIn(firmAdmin.Email, $"/collaborations/{collaboration}/session", locale: "en-GB");
        (await page.TitleAsync()).ShouldBe("Enter the account — Holded Partners");
        var answer = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#enter button[type=submit]"), r => r.Request.Method == "POST");
        answer.Status.ShouldBe(403);
        (await page.Locator("#refusal").InnerTextAsync()).ShouldContain(api["detail"].GetValue<string>());
        await page.ShouldBeAccessibleAsync();

        // An account manager not assigned to the client: the collaboration is not there for them, as in the API.
        var manager = BrowserApp.AsSignedIn(Actor.Person("Manuel"));
        var invitation = (await _api.Post($"/api/v1/accounts/{partner}/invitations", firmAdmin, new { email = manager.Email, role = "account_manager" }))
            .ShouldBe(HttpStatusCode.Created).Id;
        await _api.Settled(async () => (await _api.Post($"/api/v1/invitations/{invitation}/accept", manager)).ShouldBe(HttpStatusCode.OK));
        (await _api.Get($"/api/v1/collaborations/{collaboration}", manager)).ShouldBeProblem(HttpStatusCode.NotFound);
        var managerPage = await app.SignedIn(manager.Email, "/settings/notifications");
        (await managerPage.GotoAsync(new Uri(app.Address, $"/collaborations/{collaboration}/session").ToString()))!.Status.ShouldBe(404);

        // A session is read back by its own member only.
        await _api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "read_only" });
        var ticket = (await _api.Post("/api/v1/access/sessions", firmAdmin, new { clientAccountId = business })).ShouldBe(HttpStatusCode.Created);
        var other = await app.SignedIn(owner.Email, "/settings/notifications");
        (await other.GotoAsync(new Uri(app.Address, $"/sessions/{ticket["sessionId"].GetValue<string>()}").ToString()))!.Status.ShouldBe(404);
    }

    private async Task<(Guid Collaboration, Guid Partner, Actor FirmAdmin, Guid Business, Actor Owner)> CollaboratingAs(Actor owner, Actor? firmAdmin = null)
    {
        // The owner's email is what the development sign-in will present; the API identity must be the same person.
        var signedInOwner = BrowserApp.AsSignedIn(owner);
        var admin = firmAdmin ?? Actor.Person("Firm Admin");
        var partner = await _api.PublishedPartner(admin);
        var business = await _api.RegisterBusiness(signedInOwner);
        var conversation = await _api.OpenConversation(signedInOwner, business, partner);
        await _api.RequestCollaboration(signedInOwner, conversation);
        var collaboration = await _api.AcceptRequest(admin, conversation);
        return (collaboration, partner, admin, business, signedInOwner);
    }
}
