using Holded.Partners.Kernel;
using Holded.Partners.Marketplace.Conversations;
using Microsoft.Playwright;

namespace Holded.Partners.Web.Tests;

/// <summary>
/// Step 5 in the browser, both sides, without JavaScript: the business finds a firm in the marketplace, writes, asks to
/// collaborate; the firm sees it in "Solicitudes", answers, and accepts through a confirmation. Each write is read back
/// through the API as the same person.
/// </summary>
[Collection(BrowserCollection.Name)]
public class MarketplacePagesTests(BrowserApp app)
{
    private readonly Api _api = new(app);
    private static int _firms;

    private string Url(string path) => new Uri(app.Address, path).ToString();

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Screenshots, $"{name}.png"), FullPage = true });

    /// <summary>A listed firm with a name of its own (the fixture's database is shared by the class's tests).</summary>
    private async Task<(Guid Firm, Actor Admin, string Name)> ListedFirm(string province = "madrid")
    {
        var admin = BrowserApp.AsSignedIn(Actor.Person("Ana Gestora"));
        var name = $"Gestoría Prueba {Interlocked.Increment(ref _firms)}";
        var firm = await _api.PublishedPartner(admin, Scenarios.CompleteProfile(name,
            "Contabilidad, impuestos y nóminas para pymes y autónomos desde hace veinte años.", provinces: [province]));
        return (firm, admin, name);
    }

    private async Task<(Guid Business, Actor Owner)> Business()
    {
        var owner = BrowserApp.AsSignedIn(Actor.Person("Luis Sol"));
        return (await _api.RegisterBusiness(owner), owner);
    }

    private static Task Submit(IPage page, string form, Func<string, bool> arrivesAt) =>
        Task.WhenAll(page.WaitForURLAsync(url => arrivesAt(url)), page.ClickAsync($"main {form} button[type=submit]"));

    [Fact]
    public async Task a_business_finds_a_firm_writes_and_asks_and_the_firm_accepts_through_a_confirmation()
    {
        var (firm, admin, name) = await ListedFirm(province: "zaragoza");
        var (business, owner) = await Business();

        // The business: the marketplace, filtered, and the firm's page with its contact details.
        var client = await app.SignedIn(owner.Email, $"/businesses/{business}/marketplace", javaScript: false);
        (await client.TitleAsync()).ShouldBe("Marketplace de asesorías — Holded Partners");
        await client.ShouldBeAccessibleAsync();
        await client.FillAsync("input[name=q]", name);
        await client.SelectOptionAsync("select[name=province]", "zaragoza");
        await Submit(client, "form[role=search]", url => url.Contains("province=zaragoza"));
        (await client.Locator("li.partner h2").AllInnerTextsAsync()).ShouldBe([name]);
        await Shot(client, "marketplace-es");

        await Task.WhenAll(client.WaitForURLAsync($"**/businesses/{business}/marketplace/{firm}"), client.ClickAsync("li.partner h2 a"));
        (await client.Locator("h1").InnerTextAsync()).ShouldBe(name);
        var contact = await client.Locator("#contact").InnerTextAsync();
        contact.ShouldContain("hola@gestorialopez.es");
        contact.ShouldContain("+34 910 000 000");
        (await client.Locator("#responsiveness").InnerTextAsync()).ShouldContain("Aún no hay conversaciones");
        await client.ShouldBeAccessibleAsync();
        await Shot(client, "marketplace-partner-es");

        // The first message opens the conversation.
        await client.FillAsync("textarea[name=message]", "Hola, somos una panadería de Zaragoza y buscamos gestoría.");
        await Submit(client, "form", url => url.Contains("/conversations/"));
        var conversation = Guid.Parse(new Uri(client.Url).AbsolutePath.Split('/').Last());
        (await client.Locator("#messages li").AllInnerTextsAsync()).ShouldHaveSingleItem().ShouldContain("buscamos gestoría");
        await client.ShouldBeAccessibleAsync();

        // It asks to collaborate.
        await client.FillAsync("#request-message", "¿Podéis llevar nuestra contabilidad?");
        await Submit(client, "#request-form", url => url.Contains("done=requested"));
        (await client.Locator("[role=status]").InnerTextAsync()).ShouldBe("Solicitud de colaboración enviada.");
        (await client.Locator("#request-form").CountAsync()).ShouldBe(0);
        (await _api.GetAs<ConversationDetail>($"/api/v1/conversations/{conversation}", owner)).Conversation.RequestStatus.ShouldBe(RequestStatus.Requested);

        // The business's conversations list it.
        await client.GotoAsync(Url($"/businesses/{business}/conversations"));
        (await client.Locator("#conversations tbody tr").AllInnerTextsAsync()).ShouldHaveSingleItem().ShouldContain(name);
        await client.ShouldBeAccessibleAsync();

        // The firm: "Solicitudes" shows the request; it answers and accepts.
        var firmPage = await app.SignedIn(admin.Email, $"/firms/{firm}/requests", javaScript: false);
        (await firmPage.TitleAsync()).ShouldBe("Solicitudes — Holded Partners");
        var row = await firmPage.Locator("#conversations tbody tr").AllInnerTextsAsync();
        row.ShouldHaveSingleItem().ShouldContain("Pendiente de respuesta");
        await firmPage.ShouldBeAccessibleAsync();
        await Shot(firmPage, "requests-es");

        await Task.WhenAll(firmPage.WaitForURLAsync($"**/conversations/{conversation}"), firmPage.ClickAsync("#conversations tbody a"));
        await firmPage.FillAsync("#message-text", "Encantados: ¿cuántas facturas emitís al mes?");
        await Submit(firmPage, "#message-form", url => url.Contains("done=message"));
        (await firmPage.Locator("#messages li").CountAsync()).ShouldBe(2);
        await Shot(firmPage, "conversation-es");

        await Task.WhenAll(firmPage.WaitForURLAsync($"**/conversations/{conversation}/accept"), firmPage.ClickAsync("text=Aceptar colaboración"));
        (await firmPage.Locator("main").InnerTextAsync()).ShouldContain("podrá conceder a tu asesoría acceso a su cuenta");
        await firmPage.ShouldBeAccessibleAsync();
        await Shot(firmPage, "accept-collaboration-es");
        // Nothing happened yet: only the confirmation's POST accepts.
        (await _api.GetAs<ConversationDetail>($"/api/v1/conversations/{conversation}", admin)).Conversation.RequestStatus.ShouldBe(RequestStatus.Requested);
        await _api.Settled(() => Submit(firmPage, "form", url => url.Contains("done=accepted")));
        (await firmPage.Locator("[role=status]").InnerTextAsync()).ShouldBe("Colaboración aceptada.");

        var detail = await _api.GetAs<ConversationDetail>($"/api/v1/conversations/{conversation}", admin);
        detail.Conversation.RequestStatus.ShouldBe(RequestStatus.Accepted);
        detail.CollaborationId.ShouldNotBeNull();
        await firmPage.ReloadAsync();
        (await firmPage.Locator("#collaboration-link").GetAttributeAsync("href")).ShouldBe($"/collaborations/{detail.CollaborationId}");
        await firmPage.ShouldBeAccessibleAsync();

        // The business reads the firm's answer and sees the collaboration too.
        await client.GotoAsync(Url($"/conversations/{conversation}"));
        (await client.Locator("#messages").InnerTextAsync()).ShouldContain("¿cuántas facturas emitís al mes?");
        (await client.Locator("#collaboration-link").GetAttributeAsync("href")).ShouldBe($"/collaborations/{detail.CollaborationId}");
    }

    [Fact]
    public async Task the_firm_declines_with_a_reason_the_api_checks_and_the_business_reads_it_in_english()
    {
        var (firm, admin, _) = await ListedFirm();
        var (business, owner) = await Business();
        var conversation = await _api.OpenConversation(owner, business, firm);
        await _api.RequestCollaboration(owner, conversation);
        var api = (await _api.Post($"/api/v1/conversations/{conversation}/collaboration-request/decline", admin, new { reason = "no" }))
            .ShouldBeInvalid("reason");

        var page = await app.SignedIn(admin.Email, $"/conversations/{conversation}/decline", javaScript: false);
        (await page.TitleAsync()).ShouldBe("Rechazar la solicitud — Holded Partners");
        await page.ShouldBeAccessibleAsync();
        await page.FillAsync("textarea[name=reason]", "no");
        var refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("main form button[type=submit]"), r => r.Request.Method == "POST");
        refused.Status.ShouldBe(400);
        (await page.Locator("#reason-error").InnerTextAsync()).ShouldBe(api.Json!["errors"]!["reason"]![0]!.GetValue<string>());
        (await page.Locator("textarea[name=reason]").GetAttributeAsync("aria-describedby")).ShouldBe("reason-error");
        await page.ShouldBeAccessibleAsync();
        (await _api.GetAs<ConversationDetail>($"/api/v1/conversations/{conversation}", admin)).Conversation.RequestStatus.ShouldBe(RequestStatus.Requested);

        await page.FillAsync("textarea[name=reason]", "Ahora mismo no aceptamos clientes nuevos.");
        await _api.Settled(() => Submit(page, "form", url => url.Contains("done=declined")));
        (await _api.GetAs<ConversationDetail>($"/api/v1/conversations/{conversation}", owner)).Conversation.DeclineReason
            .ShouldBe("Ahora mismo no aceptamos clientes nuevos.");

        var english = await app.SignedIn(owner.Email, $"/conversations/{conversation}", locale: "en-GB", javaScript: false);
        (await english.Locator("#request-status").InnerTextAsync()).ShouldEndWith("declined the request.");
        (await english.Locator("#decline-reason").InnerTextAsync()).ShouldBe("Ahora mismo no aceptamos clientes nuevos.");
        (await english.Locator("#request-form button").InnerTextAsync()).ShouldBe("Ask to collaborate"); // it may ask again
        await english.ShouldBeAccessibleAsync();
    }

    [Fact]
    public async Task an_empty_first_message_is_refused_with_the_apis_words_and_nothing_opens()
    {
        var (firm, _, _) = await ListedFirm();
        var (business, owner) = await Business();
        var api = (await _api.Post("/api/v1/conversations", owner, new { clientAccountId = business, partnerAccountId = firm, message = "" }))
            .ShouldBeInvalid("message");

        var page = await app.SignedIn(owner.Email, $"/businesses/{business}/marketplace/{firm}", javaScript: false);
        var refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("main form[method=post] button[type=submit]"), r => r.Request.Method == "POST");
        refused.Status.ShouldBe(400);
        (await page.Locator("#message-error").InnerTextAsync()).ShouldBe(api.Json!["errors"]!["message"]![0]!.GetValue<string>());
        await page.ShouldBeAccessibleAsync();
        (await _api.GetAs<Page<ConversationSummary>>($"/api/v1/conversations?accountId={business}", owner)).Total.ShouldBe(0);
    }

    [Fact]
    public async Task a_long_conversation_is_read_a_page_at_a_time()
    {
        var (firm, admin, _) = await ListedFirm();
        var (business, owner) = await Business();
        var conversation = await _api.OpenConversation(owner, business, firm, "Mensaje 1");
        for (var i = 2; i <= GetConversationEndpoint.DefaultMessages + 5; i++)
            (await _api.Post($"/api/v1/conversations/{conversation}/messages", i % 2 == 0 ? admin : owner, new { text = $"Mensaje {i}" }))
                .ShouldBe(HttpStatusCode.Created);

        var page = await app.SignedIn(owner.Email, $"/conversations/{conversation}", javaScript: false);
        var latest = await page.Locator("#messages li .text").AllInnerTextsAsync();
        latest.Count.ShouldBe(GetConversationEndpoint.DefaultMessages);
        latest[^1].ShouldBe($"Mensaje {GetConversationEndpoint.DefaultMessages + 5}");
        await Task.WhenAll(page.WaitForURLAsync(url => url.Contains("before=")), page.ClickAsync("#older"));
        (await page.Locator("#messages li .text").AllInnerTextsAsync()).ShouldBe(Enumerable.Range(1, 5).Select(i => $"Mensaje {i}"));
        (await page.Locator("#older").CountAsync()).ShouldBe(0);
        await page.ShouldBeAccessibleAsync();
    }

    [Fact]
    public async Task who_takes_no_part_gets_what_the_api_answers_and_a_visitor_is_sent_to_sign_in()
    {
        var (firm, _, _) = await ListedFirm();
        var (business, owner) = await Business();
        var conversation = await _api.OpenConversation(owner, business, firm);

        using var visitor = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Address };
        foreach (var path in new[] { $"/conversations/{conversation}", $"/firms/{firm}/requests", $"/businesses/{business}/marketplace" })
        {
            var answer = await visitor.GetAsync(path);
            answer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            answer.Headers.Location!.ToString().ShouldStartWith("/signin?returnUrl=");
        }

        var stranger = BrowserApp.AsSignedIn(Actor.Person("Eva Extrana"));
        var strangersBusiness = await _api.RegisterBusiness(stranger);
        (await _api.Get($"/api/v1/conversations/{conversation}", stranger)).ShouldBeProblem(HttpStatusCode.NotFound);
        var page = await app.SignedIn(stranger.Email, $"/conversations/{conversation}", javaScript: false);
        (await page.Locator("#refusal").InnerTextAsync()).ShouldStartWith("No encontrado.");
        (await page.Locator("#messages").CountAsync()).ShouldBe(0);
        await page.ShouldBeAccessibleAsync();

        var list = await page.GotoAsync(Url($"/firms/{firm}/requests"));
        list!.Status.ShouldBe(404);
        (await page.GotoAsync(Url($"/businesses/{business}/marketplace")))!.Status.ShouldBe(404);
        (await page.GotoAsync(Url($"/businesses/{strangersBusiness}/marketplace")))!.Status.ShouldBe(200);
    }
}
