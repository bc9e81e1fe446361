using Holded.Partners.Notifications.Inbox;

namespace Holded.Partners.Web.Tests;

/// <summary>The inbox in the browser: what the API delivered, each linking to its page; mark read, mark all read.</summary>
[Collection(BrowserCollection.Name)]
public class InboxPageTests(BrowserApp app)
{
    private readonly Api _api = new(app);

    [Fact]
    public async Task a_firm_member_reads_the_inbox_follows_a_notification_and_marks_one_and_then_all_read_without_javascript()
    {
        var firmAdmin = BrowserApp.AsSignedIn(Actor.Person("Marta"));
        var owner = BrowserApp.AsSignedIn(Actor.Person("Lucia"));
        var partner = await _api.PublishedPartner(firmAdmin);
        var business = await _api.RegisterBusiness(owner);
        var conversation = await _api.OpenConversation(owner, business, partner);
        await _api.RequestCollaboration(owner, conversation);
        var collaboration = await _api.AcceptRequest(firmAdmin, conversation);
        await _api.Settled(() => _api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant" }));
        var before = await _api.GetAs<InboxPage>("/api/v1/notifications", firmAdmin);
        before.Unread.ShouldBeGreaterThan(1);

        var page = await app.SignedIn(firmAdmin.Email, "/notifications", javaScript: false);
        (await page.TitleAsync()).ShouldBe("Avisos — Holded Partners");
        (await page.Locator("#unread-count").InnerTextAsync()).ShouldStartWith($"{before.Unread} sin leer");
        (await page.Locator("main li.card").CountAsync()).ShouldBe((int)before.Total);
        var granted = page.Locator("main li.card", new() { HasText = "os ha dado acceso" }).Locator("a");
        (await granted.GetAttributeAsync("href")).ShouldBe($"/collaborations/{collaboration}");
        (await page.Locator("main li.card", new() { HasText = "quiere colaborar" }).Locator("a").GetAttributeAsync("href")).ShouldBe($"/conversations/{conversation}");
        await page.ShouldBeAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Screenshots, "inbox-es.png"), FullPage = true });

        var first = before.Items[0];
        await Task.WhenAll(page.WaitForURLAsync(url => url.Contains("done=read")), page.ClickAsync($"li[data-id='{first.Id}'] button[type=submit]"));
        (await page.Locator("[role=status]").InnerTextAsync()).ShouldBe("Marcado como leído.");
        (await _api.GetAs<UnreadCount>("/api/v1/notifications/unread-count", firmAdmin)).Unread.ShouldBe(before.Unread - 1);
        (await page.Locator($"li[data-id='{first.Id}']").GetAttributeAsync("data-read")).ShouldBe("true");

        await Task.WhenAll(page.WaitForURLAsync(url => url.Contains("done=read")), page.ClickAsync("#read-all button[type=submit]"));
        (await _api.GetAs<UnreadCount>("/api/v1/notifications/unread-count", firmAdmin)).Unread.ShouldBe(0);
        (await page.Locator("#unread").CountAsync()).ShouldBe(0); // the header's badge is gone
        await page.GotoAsync(new Uri(app.Address, "/notifications?unread=true").ToString());
        (await page.Locator("main li.card").CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_visitor_is_sent_to_sign_in_a_forged_mark_changes_nothing_and_the_inbox_speaks_english()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Address };
        (await client.GetAsync("/notifications")).Headers.Location!.ToString().ShouldStartWith("/signin?returnUrl=");

        var person = BrowserApp.AsSignedIn(Actor.Person("Pablo"));
        var page = await app.SignedIn(person.Email, "/notifications", locale: "en-GB");
        (await page.TitleAsync()).ShouldBe("Inbox — Holded Partners");
        (await page.Locator("#unread-count").InnerTextAsync()).ShouldStartWith("0 unread of 0");
        await page.ShouldBeAccessibleAsync();
        var forged = await page.APIRequest.PostAsync(new Uri(app.Address, "/notifications/read-all").ToString(), new() { Form = page.Context.APIRequest.CreateFormData() });
        forged.Status.ShouldBe(403);
        // Somebody else's notification does not exist for this person, as in the API.
        var other = BrowserApp.AsSignedIn(Actor.Person("Marta"));
        await _api.PublishedPartner(other);
        (await _api.Post($"/api/v1/notifications/{Guid.NewGuid()}/read", person)).ShouldBeProblem(HttpStatusCode.NotFound);
    }
}
