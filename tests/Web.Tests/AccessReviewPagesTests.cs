using Microsoft.Playwright;

namespace Holded.Partners.Web.Tests;

/// <summary>
/// "Revisión de accesos" in a browser without JavaScript: start with a deadline, keep or remove each line, complete,
/// read and download the record; and the leaver view, confirmed by a tick.
/// </summary>
[Collection(BrowserCollection.Name)]
public class AccessReviewPagesTests(BrowserApp app)
{
    private readonly Api _api = new(app);

    private async Task<(Guid Firm, Actor Admin, Actor Manager, Guid Collaboration)> FirmWithAManager()
    {
        var admin = BrowserApp.AsSignedIn(Actor.Person("Rosa Revisora"));
        var firm = await _api.PublishedPartner(admin);
        var owner = Actor.Person("Olga Cliente");
        var (_, conversation) = await _api.RequestedCollaboration(owner, firm);
        var collaboration = await _api.AcceptRequest(admin, conversation);
        var manager = BrowserApp.AsSignedIn(Actor.Person("Mario Gestor"));
        var invitation = (await _api.Post($"/api/v1/accounts/{firm}/invitations", admin, new { email = manager.Email, role = "account_manager" }))
            .ShouldBe(HttpStatusCode.Created).Id;
        await _api.Settled(async () => (await _api.Post($"/api/v1/invitations/{invitation}/accept", manager)).ShouldBe(HttpStatusCode.OK));
        await _api.Settled(async () => (await _api.Put($"/api/v1/collaborations/{collaboration}/managers", admin, new { userIds = new[] { manager.UserId } }))
            .ShouldBe(HttpStatusCode.OK));
        return (firm, admin, manager, collaboration);
    }

    [Fact]
    public async Task an_administrator_starts_a_review_decides_each_line_completes_it_and_downloads_the_record()
    {
        var (firm, admin, manager, collaboration) = await FirmWithAManager();
        var page = await app.SignedIn(admin, $"/firms/{firm}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Revisión de accesos" }).ClickAsync();
        await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == $"/firms/{firm}/access-reviews");
        (await page.TitleAsync()).ShouldBe("Revisión de accesos — Holded Partners");
        await page.ShouldBeAccessibleAsync();

        // A deadline past thirty days is refused by the API, and said so.
        await page.FillAsync("input[name=deadlineDays]", "45");
        await page.EvaluateAsync("() => document.querySelector('input[name=deadlineDays]').removeAttribute('max')");
        var refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#start-review button[type=submit]"), r => r.Request.Method == "POST");
        refused.Status.ShouldBe(400);
        (await page.Locator("#deadlineDays-error").InnerTextAsync()).ShouldContain("between 1 and 30");
        await page.ShouldBeAccessibleAsync();

        await page.FillAsync("input[name=deadlineDays]", "14");
        await page.ClickAsync("#start-review button[type=submit]");
        await page.WaitForURLAsync(u => u.Contains("done=started"));
        (await page.Locator("#lines tbody tr").CountAsync()).ShouldBe(3);
        (await page.Locator("#deadline").InnerTextAsync()).ShouldContain("Plazo");
        // Removing one's own role is refused with the rule named.
        var own = page.Locator("#lines tbody tr", new() { HasText = "Rosa Revisora" }).Filter(new() { HasText = "Rol en la asesoría" });
        await own.GetByLabel("Quitar").CheckAsync();
        var ownRefused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#decide button[type=submit]"), r => r.Request.Method == "POST");
        ownRefused.Status.ShouldBe(422);
        (await page.Locator("#refusal li[data-rule=reviewer_own_role]").CountAsync()).ShouldBe(1);

        await page.Locator("#lines tbody tr", new() { HasText = "Rosa Revisora" }).GetByLabel("Mantener").CheckAsync();
        var managerRows = page.Locator("#lines tbody tr", new() { HasText = "Mario Gestor" });
        await managerRows.Filter(new() { HasText = "Rol en la asesoría" }).GetByLabel("Mantener").CheckAsync();
        await managerRows.Filter(new() { HasText = "Gestor de Panadería Sol SL" }).GetByLabel("Quitar").CheckAsync();
        await page.ClickAsync("#decide button[type=submit]");
        await page.WaitForURLAsync(u => u.Contains("done=saved"));
        await page.ShouldBeAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Screenshots, "access-review-es.png"), FullPage = true });

        await _api.Settled(async () =>
        {
            await page.ClickAsync("#complete-review button[type=submit]");
            await page.WaitForURLAsync(u => u.Contains("done=completed"));
        });
        (await page.Locator("#record tbody tr", new() { HasText = "Gestor de Panadería Sol SL" }).InnerTextAsync()).ShouldContain("Quitado");
        await page.ShouldBeAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Screenshots, "access-review-record-es.png"), FullPage = true });
        (await _api.Get($"/api/v1/collaborations/{collaboration}", manager)).ShouldBeProblem(HttpStatusCode.NotFound);

        var csv = await page.APIRequest.GetAsync(new Uri(app.Address, (await page.Locator("#download").GetAttributeAsync("href"))!).ToString());
        csv.Status.ShouldBe(200);
        csv.Headers["content-type"].ShouldStartWith("text/csv");
        (await csv.TextAsync()).ShouldContain("Mario Gestor");

        // The record of past reviews lists it, in English too.
        var english = await app.SignedIn(admin, $"/firms/{firm}/access-reviews", "en-GB");
        (await english.Locator("#reviews tbody tr").CountAsync()).ShouldBe(1);
        (await english.Locator("#start-review").CountAsync()).ShouldBe(1);
        (await english.Locator("header nav a[aria-current=page]").CountAsync()).ShouldBe(0); // outside the menu: under none of its links, not "Program"
        await english.ShouldBeAccessibleAsync();
        await english.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Screenshots, "access-reviews-en.png"), FullPage = true });

        // An account manager is told the reviews are for administrators.
        var managerPage = await app.SignedIn(manager, "/settings/notifications");
        (await managerPage.GotoAsync(new Uri(app.Address, $"/firms/{firm}/access-reviews").ToString()))!.Status.ShouldBe(403);
    }

    [Fact]
    public async Task an_administrator_schedules_the_reviews_and_stops_them()
    {
        var admin = BrowserApp.AsSignedIn(Actor.Person("Sara Programa"));
        var firm = await _api.PublishedPartner(admin);
        var page = await app.SignedIn(admin, $"/firms/{firm}/access-reviews");
        (await page.Locator("#schedule-status").InnerTextAsync()).ShouldContain("no están programadas");

        // A deadline that reaches the next review is refused with the rule in the page's words, and what was typed stays.
        await page.FillAsync("#schedule-reviews input[name=everyDays]", "30");
        await page.FillAsync("#schedule-reviews input[name=deadlineDays]", "30");
        var refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#schedule-reviews button[value=save]"), r => r.Request.Method == "POST");
        refused.Status.ShouldBe(422);
        (await page.Locator("#refusal li[data-rule=deadline_not_before_next]").InnerTextAsync()).ShouldContain("antes de que empiece la siguiente");
        (await page.InputValueAsync("#schedule-reviews input[name=everyDays]")).ShouldBe("30");
        await page.ShouldBeAccessibleAsync();

        await page.FillAsync("#schedule-reviews input[name=deadlineDays]", "10");
        await page.ClickAsync("#schedule-reviews button[value=save]");
        await page.WaitForURLAsync(u => u.Contains("done=scheduled"));
        (await page.Locator("#schedule-status").InnerTextAsync()).ShouldContain("cada 30 días, con 10 días de plazo");
        await page.ShouldBeAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Screenshots, "access-review-schedule-es.png"), FullPage = true });
        (await _api.Get($"/api/v1/partners/{firm}/access-review-schedule", admin)).ShouldBe(HttpStatusCode.OK).Body.ShouldContain("\"everyDays\":30");

        var english = await app.SignedIn(admin, $"/firms/{firm}/access-reviews", "en-GB");
        (await english.Locator("#schedule-status").InnerTextAsync()).ShouldContain("every 30 days, with 10 days to decide");
        await english.ClickAsync("#schedule-reviews button[value=stop]");
        await english.WaitForURLAsync(u => u.Contains("done=unscheduled"));
        (await english.Locator("#schedule-status").InnerTextAsync()).ShouldContain("not scheduled");
        (await english.Locator("#schedule-reviews button[value=stop]").CountAsync()).ShouldBe(0);
        await english.ShouldBeAccessibleAsync();
    }

    [Fact]
    public async Task the_leaver_view_shows_what_a_member_reaches_and_removes_it_on_confirmation()
    {
        var (firm, admin, manager, _) = await FirmWithAManager();
        var page = await app.SignedIn(admin, $"/accounts/{firm}/users");
        await page.GetByRole(AriaRole.Link, new() { Name = "Qué alcanza Mario Gestor" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/reach"));
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Qué alcanza hoy Mario Gestor");
        (await page.Locator("#reached-clients li").InnerTextAsync()).ShouldContain("Panadería Sol SL");
        await page.ShouldBeAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Screenshots, "leaver-es.png"), FullPage = true });

        // Without the tick (the browser's own check bypassed) nothing is removed.
        await page.EvaluateAsync("() => document.querySelector('input[name=confirm]').removeAttribute('required')");
        var unconfirmed = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#remove-leaver button[type=submit]"), r => r.Request.Method == "POST");
        unconfirmed.Status.ShouldBe(400);
        (await page.Locator("#confirm-error").CountAsync()).ShouldBe(1);
        await page.ShouldBeAccessibleAsync();

        await page.CheckAsync("input[name=confirm]");
        await _api.Settled(async () =>
        {
            await page.ClickAsync("#remove-leaver button[type=submit]");
            await page.WaitForURLAsync(u => u.Contains("done=removed"));
        });
        (await _api.Get($"/api/v1/partners/{firm}/members/{manager.UserId}/reach", admin)).ShouldBeProblem(HttpStatusCode.NotFound);
    }
}
