using MeResponse = Holded.Partners.Onboarding.Identity.MeResponse;

namespace Holded.Partners.Host.Tests;

public class HostTests(PartnersApp app) : AppTest(app)
{
    [Fact]
    public async Task liveness_and_readiness_answer_without_a_token()
    {
        (await Api.Get("/health/live", null)).ShouldBe(HttpStatusCode.OK).Body.ShouldBe("Healthy");
        (await Api.Get("/health/ready", null)).ShouldBe(HttpStatusCode.OK).Body.ShouldBe("Healthy");
    }

    [Fact]
    public async Task the_openapi_document_lists_the_api_and_the_reference_page_serves()
    {
        var openApi = (await Api.Get("/openapi/v1.json", null)).ShouldBe(HttpStatusCode.OK);
        openApi.Body.ShouldContain("/api/v1/accounts");
        openApi.Body.ShouldContain("/api/v1/partner-applications/{id}/approve");
        openApi.Body.ShouldContain("\"Onboarding · Team\"");
        openApi.Body.ShouldContain("\"operationId\": \"InviteMember\"");
        var redirect = await Api.Get("/docs", null);
        var page = redirect.Status == HttpStatusCode.Found ? redirect.Headers.Location!.ToString() : "/docs";
        var docs = (await Api.Get(page, null)).ShouldBe(HttpStatusCode.OK);
        docs.ContentType.ShouldBe("text/html");
        docs.Body.ShouldContain("openapi/v1.json");
    }

    [Fact]
    public async Task a_forged_or_missing_token_is_a_401_problem()
    {
        (await Api.Get("/api/v1/me", null)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        var forged = new Actor("x", "x@example.es", "X", Actor.Person().Token[..^4] + "AAAA");
        (await Api.Get("/api/v1/me", forged)).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task an_unknown_route_is_a_404_problem()
    {
        (await Api.Get("/api/v1/nothing-here", Actor.Person())).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task me_reports_the_token_identity_and_memberships_from_state()
    {
        var reviewer = Actor.Reviewer();
        var me = await Api.GetAs<MeResponse>("/api/v1/me", reviewer);
        me.UserId.ShouldBe(reviewer.UserId);
        me.PlatformRole.ShouldBe("reviewer");
        me.Memberships.ShouldBeEmpty();

        var service = Actor.Service("partners.billing", "partners.access.check");
        (await Api.GetAs<MeResponse>("/api/v1/me", service)).Scopes.ShouldBe(["partners.access.check", "partners.billing"]);
    }

    [Fact]
    public async Task pages_say_where_they_load_from_and_that_no_site_frames_them()
    {
        foreach (var page in new[] { "/directory", "/signin" })
        {
            var reply = (await Api.Get(page, null)).ShouldBe(HttpStatusCode.OK);
            reply.ContentType.ShouldBe("text/html");
            var policy = string.Join(";", reply.Headers.GetValues("Content-Security-Policy"));
            policy.ShouldContain("frame-ancestors 'none'");
            policy.ShouldContain("default-src 'none'");
            reply.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
            reply.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        }
        (await Api.Get("/api/v1/access/roles", Actor.Person())).Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        (await Api.Get("/api/v1/nothing", Actor.Person())).Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
    }

    [Fact]
    public async Task the_front_door_says_what_this_is_in_the_visitors_language()
    {
        var spanish = (await Api.Get("/", null)).ShouldBe(HttpStatusCode.OK);
        spanish.ContentType.ShouldBe("text/html");
        spanish.Body.ShouldContain("<html lang=\"es\">");
        spanish.Body.ShouldContain("href=\"/directory\"");
        spanish.Body.ShouldContain("href=\"/docs\"");
        spanish.Body.ShouldContain("href=\"/audit\"");
        spanish.Body.ShouldContain("Entrar con una identidad de demostración"); // a developer's machine offers the demo identities
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");
        using var response = await App.CreateClient().SendAsync(request);
        (await response.Content.ReadAsStringAsync()).ShouldContain("<html lang=\"en\">");
    }
}
