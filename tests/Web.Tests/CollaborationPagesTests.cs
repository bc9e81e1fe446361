using Holded.Partners.Collaboration.Collaborations;
using Holded.Partners.Kernel;
using Holded.Partners.Notifications.Settings;
using Microsoft.Playwright;

namespace Holded.Partners.Web.Tests;

/// <summary>
/// Steps 7, 8 and 11 in the browser, without JavaScript: the firm's clients table and its gear, one collaboration from
/// both sides, "Gestores de la cuenta → Añadir → Confirmar", "Mi asesoría", and "⋮ → Terminar colaboración" after
/// which each side's list no longer has the other. Each write is read back through the API as the same person.
/// </summary>
[Collection(BrowserCollection.Name)]
public class CollaborationPagesTests(BrowserApp app)
{
    private readonly Api _api = new(app);

    private string Url(string path) => new Uri(app.Address, path).ToString();

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Screenshots, $"{name}.png"), FullPage = true });

    private static Task Submit(IPage page, string form, Func<string, bool> arrivesAt) =>
        Task.WhenAll(page.WaitForURLAsync(url => arrivesAt(url)), page.ClickAsync($"main {form} button[type=submit]"));

    /// <summary>A listed firm, a business, and a running collaboration between them, all as people who can sign in.</summary>
    private async Task<(Guid Collaboration, Guid Firm, Actor Admin, Guid Business, Actor Owner)> Collaborating()
    {
        var admin = BrowserApp.AsSignedIn(Actor.Person("Ana Gestora"));
        var firm = await _api.PublishedPartner(admin);
        var owner = BrowserApp.AsSignedIn(Actor.Person("Luis Sol"));
        var (business, conversation) = await _api.RequestedCollaboration(owner, firm);
        var collaboration = await _api.AcceptRequest(admin, conversation);
        return (collaboration, firm, admin, business, owner);
    }

    private async Task<Actor> Member(Guid firm, Actor admin, string name)
    {
        var person = BrowserApp.AsSignedIn(Actor.Person(name));
        await _api.Settled(async () =>
        {
            var invitation = (await _api.Post($"/api/v1/accounts/{firm}/invitations", admin, new { email = person.Email, role = Roles.AccountManager }))
                .ShouldBe(HttpStatusCode.Created).Id;
            (await _api.Post($"/api/v1/invitations/{invitation}/accept", person)).ShouldBe(HttpStatusCode.OK);
        });
        return person;
    }

    [Fact]
    public async Task the_firm_assigns_a_manager_through_a_confirmation_and_the_manager_sees_only_that_client()
    {
        var (collaboration, firm, admin, _, _) = await Collaborating();
        var marta = await Member(firm, admin, "Marta Gestora");

        // The clients table: the client, no role granted yet, no managers; the gear in the last column.
        var page = await app.SignedIn(admin.Email, $"/firms/{firm}/clients", javaScript: false);
        (await page.TitleAsync()).ShouldBe("Clientes — Holded Partners");
        var row = page.Locator("#clients tbody tr");
        (await row.CountAsync()).ShouldBe(1);
        (await row.Locator("th").InnerTextAsync()).ShouldContain("Panadería Sol SL");
        (await row.Locator("td").Nth(0).InnerTextAsync()).ShouldBe("Sin acceso");
        (await row.Locator("td:last-child a.gear").GetAttributeAsync("href")).ShouldBe($"/firms/{firm}/clients/{collaboration}/notifications");
        await page.ShouldBeAccessibleAsync();
        await Shot(page, "clients-es");

        // The collaboration, then "Gestores de la cuenta → Añadir → Confirmar".
        await Task.WhenAll(page.WaitForURLAsync($"**/collaborations/{collaboration}"), page.ClickAsync("#clients tbody th a"));
        (await page.Locator("#summary").InnerTextAsync()).ShouldContain("Gestoría López");
        (await page.Locator("form[action$='/session'] button").InnerTextAsync()).ShouldBe("Acceder a la cuenta");
        (await page.Locator("#grant-access").CountAsync()).ShouldBe(0); // the client's, not the firm's
        await page.ShouldBeAccessibleAsync();
        await Shot(page, "collaboration-es");

        await Task.WhenAll(page.WaitForURLAsync($"**/collaborations/{collaboration}/managers"), page.ClickAsync("#managers-add"));
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Gestores de la cuenta");
        await page.ShouldBeAccessibleAsync();
        await page.Locator($"input[name=userIds][value='{marta.UserId}']").CheckAsync();
        await Submit(page, "#add-form", url => url.Contains("/managers/confirm"));
        (await page.Locator("#changes li[data-change=added]").InnerTextAsync()).ShouldStartWith("Marta Gestora empezará a llevar a Panadería Sol SL");
        await page.ShouldBeAccessibleAsync();
        await Shot(page, "managers-confirm-es");
        (await _api.GetAs<CollaborationView>($"/api/v1/collaborations/{collaboration}", admin)).Managers.ShouldBeEmpty(); // not before Confirmar

        await _api.Settled(() => Submit(page, "form[method=post]", url => url.Contains("done=managers")));
        (await page.Locator("[role=status]").InnerTextAsync()).ShouldBe("Gestores guardados.");
        (await page.Locator("#managers").InnerTextAsync()).ShouldContain("Marta Gestora");
        (await _api.GetAs<CollaborationView>($"/api/v1/collaborations/{collaboration}", admin)).Managers.Select(m => m.UserId).ShouldBe([marta.UserId]);

        // Marta, an account manager, sees this client and no other; a colleague unassigned sees none.
        var (_, other) = await _api.RequestedCollaboration(BrowserApp.AsSignedIn(Actor.Person("Otra Empresa")), firm);
        await _api.AcceptRequest(admin, other);
        var mine = await app.SignedIn(marta.Email, $"/firms/{firm}/clients", javaScript: false);
        (await mine.Locator("#clients tbody tr").CountAsync()).ShouldBe(1);
        (await mine.Locator("#clients tbody tr").GetAttributeAsync("data-client")).ShouldNotBeNull();
        (await mine.Locator("#clients tbody tr th a").GetAttributeAsync("href")).ShouldBe($"/collaborations/{collaboration}");
        (await mine.Locator("#clients a.gear").CountAsync()).ShouldBe(1);
        await mine.ShouldBeAccessibleAsync();

        // Removing her is confirmed the same way.
        await page.GotoAsync(Url($"/collaborations/{collaboration}/managers"));
        await Task.WhenAll(page.WaitForURLAsync(url => url.Contains("/managers/confirm")), page.ClickAsync("#current a"));
        (await page.Locator("#changes li[data-change=removed]").InnerTextAsync()).ShouldStartWith("Marta Gestora dejará de llevar");
        await _api.Settled(() => Submit(page, "form[method=post]", url => url.Contains("done=managers")));
        (await _api.GetAs<CollaborationView>($"/api/v1/collaborations/{collaboration}", admin)).Managers.ShouldBeEmpty();
        await mine.ReloadAsync();
        (await mine.Locator("#empty").CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task the_gear_sets_which_kpis_notify_for_one_client_and_keeps_the_rest()
    {
        var (collaboration, firm, admin, business, _) = await Collaborating();
        var elsewhere = Guid.NewGuid();
        // Other choices of the member's, which the gear must keep.
        (await _api.Put("/api/v1/notification-settings", admin, new { email = true, kpis = new[] { "pending_invoices", "payroll_pending" }, clients = Array.Empty<object>() }))
            .ShouldBe(HttpStatusCode.OK);

        var page = await app.SignedIn(admin.Email, $"/firms/{firm}/clients/{collaboration}/notifications", javaScript: false);
        (await page.TitleAsync()).ShouldBe("Avisos de Panadería Sol SL — Holded Partners");
        (await page.Locator("input[name=choice][value=general]").IsCheckedAsync()).ShouldBeTrue();
        await page.ShouldBeAccessibleAsync();
        await page.Locator("input[name=choice][value=own]").CheckAsync();
        await page.Locator("input[name=kpis][value=payroll_pending]").UncheckAsync();
        await page.Locator("input[name=kpis][value=tax_filings_due]").CheckAsync();
        await Submit(page, "form", url => url.Contains("saved=true"));
        (await page.Locator("[role=status]").InnerTextAsync()).ShouldBe("Guardado.");
        (await page.Locator("input[name=choice][value=own]").IsCheckedAsync()).ShouldBeTrue();
        await Shot(page, "client-notifications-es");

        var settings = await _api.GetAs<NotificationSettings>("/api/v1/notification-settings", admin);
        settings.Email.ShouldBeTrue();
        settings.Kpis.ShouldBe(["pending_invoices", "payroll_pending"]);
        settings.Clients.ShouldHaveSingleItem().ClientAccountId.ShouldBe(business);
        settings.Clients[0].Kpis.ShouldBe(["pending_invoices", "tax_filings_due"]);

        // Back to the general choice: this client's own entry goes, the rest stays.
        await page.Locator("input[name=choice][value=general]").CheckAsync();
        await Submit(page, "form", url => url.Contains("saved=true"));
        settings = await _api.GetAs<NotificationSettings>("/api/v1/notification-settings", admin);
        settings.Clients.ShouldBeEmpty();
        settings.Kpis.ShouldBe(["pending_invoices", "payroll_pending"]);

        // A collaboration this member does not reach: what the API says.
        (await page.GotoAsync(Url($"/firms/{firm}/clients/{elsewhere}/notifications")))!.Status.ShouldBe(404);
    }

    [Fact]
    public async Task the_client_ends_the_collaboration_with_a_reason_and_each_side_no_longer_lists_the_other()
    {
        var (collaboration, firm, admin, business, owner) = await Collaborating();

        var page = await app.SignedIn(owner.Email, $"/businesses/{business}/advisors", javaScript: false);
        (await page.TitleAsync()).ShouldBe("Mi asesoría — Holded Partners");
        var advisor = page.Locator("#advisors li");
        (await advisor.Locator("h2").InnerTextAsync()).ShouldBe("Gestoría López");
        (await advisor.Locator("a.button").GetAttributeAsync("href")).ShouldBe($"/businesses/{business}/advisors/{collaboration}/access");
        await page.ShouldBeAccessibleAsync();
        await Shot(page, "advisors-es");

        await Task.WhenAll(page.WaitForURLAsync($"**/collaborations/{collaboration}"), page.ClickAsync("#advisors h2 a"));
        (await page.Locator("#grant-access").InnerTextAsync()).ShouldBe("Conceder acceso");
        (await page.Locator("form[action$='/session']").CountAsync()).ShouldBe(0); // the firm's, not the client's
        await page.ShouldBeAccessibleAsync();
        await page.ClickAsync("#more summary");
        await Task.WhenAll(page.WaitForURLAsync($"**/collaborations/{collaboration}/end"), page.ClickAsync("text=Terminar colaboración"));
        (await page.Locator("#consequences").InnerTextAsync()).ShouldContain("pierde en el acto todo acceso");
        await page.ShouldBeAccessibleAsync();
        await Shot(page, "end-collaboration-es");

        // The API's words for a reason too short, beside the field; nothing ended.
        var api = (await _api.Post($"/api/v1/collaborations/{collaboration}/end", owner, new { reason = "no", confirm = true })).ShouldBeInvalid("reason");
        await page.FillAsync("textarea[name=reason]", "no");
        var refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("main form button[type=submit]"), r => r.Request.Method == "POST");
        refused.Status.ShouldBe(400);
        (await page.Locator("#reason-error").InnerTextAsync()).ShouldBe(api.Json!["errors"]!["reason"]![0]!.GetValue<string>());
        await page.ShouldBeAccessibleAsync();
        (await _api.GetAs<CollaborationView>($"/api/v1/collaborations/{collaboration}", owner)).IsActive.ShouldBeTrue();

        await page.FillAsync("textarea[name=reason]", "Cerramos el negocio a final de mes.");
        await _api.Settled(() => Submit(page, "form", url => url.Contains($"/businesses/{business}/advisors?done=ended")));
        (await page.Locator("[role=status]").InnerTextAsync()).ShouldStartWith("Colaboración terminada");
        (await page.Locator("#advisors li").CountAsync()).ShouldBe(0);
        (await page.Locator("#empty").CountAsync()).ShouldBe(1);
        var ended = await _api.GetAs<CollaborationView>($"/api/v1/collaborations/{collaboration}", owner);
        ended.Status.ShouldBe(CollaborationStatus.Ended);
        ended.Ended!.Reason.ShouldBe("Cerramos el negocio a final de mes.");
        (await _api.GetAs<Page<CollaborationView>>($"/api/v1/clients/{business}/collaborations?status=active", owner)).Total.ShouldBe(0);

        // The firm's clients table no longer has the client; the ended one is under "Terminados".
        var firmPage = await app.SignedIn(admin.Email, $"/firms/{firm}/clients", javaScript: false);
        (await firmPage.Locator("#clients").CountAsync()).ShouldBe(0);
        (await firmPage.Locator("#empty").CountAsync()).ShouldBe(1);
        (await _api.GetAs<Page<ClientRow>>($"/api/v1/partners/{firm}/clients?status=active", admin)).Total.ShouldBe(0);
        await firmPage.GotoAsync(Url($"/firms/{firm}/clients?status=ended"));
        (await firmPage.Locator("#clients tbody tr th").InnerTextAsync()).ShouldContain("Panadería Sol SL");
        await firmPage.GotoAsync(Url($"/collaborations/{collaboration}"));
        (await firmPage.Locator("#ended").InnerTextAsync()).ShouldContain("Cerramos el negocio a final de mes.");
        (await firmPage.Locator("form[action$='/session']").CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task the_client_chooses_which_sections_pending_tasks_its_firm_sees_and_an_unknown_section_is_refused_in_the_apis_words()
    {
        var (_, _, _, business, owner) = await Collaborating();
        var page = await app.SignedIn(owner.Email, $"/businesses/{business}/advisors", javaScript: false);
        (await page.Locator("#shared-sections input[name=sections]:checked").CountAsync()).ShouldBe(0); // nothing shared until the client says
        await page.CheckAsync("#shared-sections input[value=accounting]");
        await page.CheckAsync("#shared-sections input[value=invoicing]");
        await Submit(page, "#shared-sections form", url => url.Contains("done=shared"));
        (await page.Locator("#shared-sections [role=status]").InnerTextAsync()).ShouldStartWith("Guardado");
        (await page.Locator("#shared-sections input[name=sections]:checked").EvaluateAllAsync<string[]>("els => els.map(e => e.value)"))
            .ShouldBe(["invoicing", "accounting"]);
        (await _api.GetAs<Collaboration.PendingWork.SharedSections>($"/api/v1/clients/{business}/shared-sections", owner)).Sections
            .ShouldBe(["invoicing", "accounting"]); // the catalog's order
        await page.ShouldBeAccessibleAsync();
        await Shot(page, "shared-sections-es");

        // A value no list offers (a forged form): the API's words beside the list, and what was shared stays.
        var api = (await _api.Put($"/api/v1/clients/{business}/shared-sections", owner, new { sections = new[] { "secrets" } })).ShouldBeInvalid("sections");
        var forger = await app.SignedIn(owner.Email, $"/businesses/{business}/advisors"); // with scripts, to change the form
        await forger.EvaluateAsync("() => document.querySelector('#shared-sections input[value=banking]').value = 'secrets'");
        await forger.CheckAsync("#shared-sections input[value=secrets]");
        var refused = await forger.RunAndWaitForResponseAsync(() => forger.ClickAsync("#shared-sections button[type=submit]"), r => r.Request.Method == "POST");
        refused.Status.ShouldBe(400);
        (await forger.Locator("#sections-error").InnerTextAsync()).ShouldBe(api.Json!["errors"]!["sections"]![0]!.GetValue<string>());
        (await _api.GetAs<Collaboration.PendingWork.SharedSections>($"/api/v1/clients/{business}/shared-sections", owner)).Sections
            .ShouldBe(["invoicing", "accounting"]);

        // Unticking all shares none.
        await page.GotoAsync(Url($"/businesses/{business}/advisors"));
        await page.UncheckAsync("#shared-sections input[value=accounting]");
        await page.UncheckAsync("#shared-sections input[value=invoicing]");
        await Submit(page, "#shared-sections form", url => url.Contains("done=shared"));
        (await _api.GetAs<Collaboration.PendingWork.SharedSections>($"/api/v1/clients/{business}/shared-sections", owner)).Sections.ShouldBeEmpty();
    }

    [Fact]
    public async Task the_firm_ends_it_too_and_the_pages_speak_english_when_asked()
    {
        var (collaboration, firm, admin, business, owner) = await Collaborating();
        var page = await app.SignedIn(admin.Email, $"/collaborations/{collaboration}/end", locale: "en-GB", javaScript: false);
        (await page.TitleAsync()).ShouldBe("End collaboration — Holded Partners");
        (await page.Locator("main button[type=submit]").InnerTextAsync()).ShouldBe("Confirm: end collaboration");
        await page.FillAsync("textarea[name=reason]", "We no longer take payroll clients.");
        await _api.Settled(() => Submit(page, "form", url => url.Contains($"/firms/{firm}/clients?done=ended")));
        (await page.Locator("[role=status]").InnerTextAsync()).ShouldStartWith("Collaboration ended");
        (await page.Locator("#empty").InnerTextAsync()).ShouldStartWith("No clients yet.");
        await page.ShouldBeAccessibleAsync();

        var client = await app.SignedIn(owner.Email, $"/businesses/{business}/advisors", javaScript: false);
        (await client.Locator("#advisors li").CountAsync()).ShouldBe(0);
        (await _api.GetAs<CollaborationView>($"/api/v1/collaborations/{collaboration}", owner)).Ended!.Side.ShouldBe("partner");
    }

    [Fact]
    public async Task who_does_not_reach_a_collaboration_gets_what_the_api_answers_and_a_visitor_is_sent_to_sign_in()
    {
        var (collaboration, firm, admin, business, _) = await Collaborating();
        var unassigned = await Member(firm, admin, "Pablo Gestor");

        using var visitor = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Address };
        foreach (var path in new[] { $"/collaborations/{collaboration}", $"/firms/{firm}/clients", $"/collaborations/{collaboration}/end", $"/businesses/{business}/advisors" })
        {
            var answer = await visitor.GetAsync(path);
            answer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            answer.Headers.Location!.ToString().ShouldStartWith("/signin?returnUrl=");
        }

        // An account manager not assigned to it: the API says it does not exist, and so do the pages.
        (await _api.Get($"/api/v1/collaborations/{collaboration}", unassigned)).ShouldBeProblem(HttpStatusCode.NotFound);
        var page = await app.SignedIn(unassigned.Email, $"/collaborations/{collaboration}", javaScript: false);
        (await page.Locator("#refusal").InnerTextAsync()).ShouldStartWith("No encontrado.");
        await page.ShouldBeAccessibleAsync();
        (await page.GotoAsync(Url($"/collaborations/{collaboration}/end")))!.Status.ShouldBe(404);
        (await page.GotoAsync(Url($"/collaborations/{collaboration}/managers")))!.Status.ShouldBe(404);
        (await page.GotoAsync(Url($"/businesses/{business}/advisors")))!.Status.ShouldBe(404);
        // Their own clients table: none of the firm's clients (the API narrows it to theirs).
        (await page.GotoAsync(Url($"/firms/{firm}/clients")))!.Status.ShouldBe(200);
        (await page.Locator("#empty").CountAsync()).ShouldBe(1);
        // Asking for all of them: what the API answers an account manager.
        (await page.GotoAsync(Url($"/firms/{firm}/clients?mine=false")))!.Status.ShouldBe(403);
    }
}
