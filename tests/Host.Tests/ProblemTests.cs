using System.Net.Http.Headers;
using System.Text;

namespace Holded.Partners.Host.Tests;

/// <summary>
/// Every error is problem details, as JSON, by one convention, whatever the caller accepts, sends or is; a body of the
/// wrong shape is explained by field, never by a .NET type; and a caller's mistake or a lost race is not logged as an error.
/// </summary>
public class ProblemTests(PartnersApp app) : AppTest(app)
{
    private static readonly string[] Accepts = ["text/html", "text/csv", "text/plain", "application/xml", "image/png", "*/*", "application/json"];

    public override async Task DisposeAsync()
    {
        await Faults.RemoveAsync(App.ConnectionString);
        await base.DisposeAsync();
    }

    [Theory]
    [InlineData("/api/v1/me")]
    [InlineData("/api/v1/access/roles")]
    [InlineData("/api/v1/admin/projections")]
    [InlineData("/api/v1/audit/access?clientAccountId=0195f3a0-7c1e-7d2a-9b4f-2a1c3e5d7f90")]
    public async Task an_anonymous_caller_is_told_401_whatever_it_accepts(string url)
    {
        foreach (var accept in Accepts)
            (await Api.Send(HttpMethod.Get, url, null, accept: accept)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Send(HttpMethod.Post, "/api/v1/accounts", null, body: new { }, accept: "text/html")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_caller_that_accepts_no_json_is_told_406_as_json()
    {
        var person = Actor.Person();
        foreach (var accept in new[] { "text/html", "text/plain", "application/xml" })
        {
            (await Api.Send(HttpMethod.Post, "/api/v1/accounts", person, body: Scenarios.BusinessBody(), accept: accept)).ShouldBeProblem(HttpStatusCode.NotAcceptable);
            (await Api.Send(HttpMethod.Get, "/api/v1/me", person, accept: accept)).ShouldBeProblem(HttpStatusCode.NotAcceptable);
        }
        (await App.EventCountAsync()).ShouldBe(0); // nothing was stored by the refused POSTs
        (await Api.Send(HttpMethod.Get, "/api/v1/me", person, accept: "text/html, application/json;q=0.5")).ShouldBe(HttpStatusCode.OK);
        (await Api.Send(HttpMethod.Get, "/api/v1/me", person, accept: "application/json")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task unknown_addresses_methods_and_media_types_are_problems_too()
    {
        foreach (var accept in Accepts)
        {
            (await Api.Send(HttpMethod.Get, "/api/v1/nothing-here", Actor.Person(), accept: accept)).ShouldBeProblem(HttpStatusCode.NotFound);
            (await Api.Send(HttpMethod.Get, "/nothing-here", null, accept: accept)).ShouldBeProblem(HttpStatusCode.NotFound);
        }
        (await Api.Send(HttpMethod.Delete, "/api/v1/access/roles", Actor.Person(), accept: "text/html")).ShouldBeProblem(HttpStatusCode.MethodNotAllowed);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/accounts") { Content = new StringContent("kind=business", Encoding.UTF8, "text/plain") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Actor.Person().Token);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await App.CreateClient().SendAsync(request);
        new Reply(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers, response.Content.Headers.ContentType?.MediaType)
            .ShouldBeProblem(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task a_body_of_the_wrong_shape_names_the_field_and_what_it_must_be()
    {
        var person = Actor.Person();
        async Task<Reply> Post(string raw) => await Api.Send(HttpMethod.Post, "/api/v1/accounts", person, rawBody: raw);

        var kind = (await Post("""{"kind": 5}""")).ShouldBeInvalid("kind");
        kind["errors"]["kind"]![0]!.GetValue<string>().ShouldBe("must be a string.");
        (await Post("""{"kind": "business", "contact": {"email": ["a"]}}""")).ShouldBeInvalid("contact.email");
        (await Post("""{"kind": "business", "contact": "Luis"}""")).ShouldBeInvalid("contact")["errors"]["contact"]![0]!.GetValue<string>().ShouldBe("must be an object.");
        (await Post("""[1, 2]""")).ShouldBeInvalid("body");
        (await Post("""{"kind": """)).ShouldBeInvalid("body")["errors"]["body"]![0]!.GetValue<string>().ShouldStartWith("is not valid JSON");
        (await Api.Send(HttpMethod.Post, "/api/v1/access/check", Actor.Service("partners.access.check"),
            rawBody: """{"clientAccountId": "not-a-guid"}""")).ShouldBeInvalid("clientAccountId")["errors"]["clientAccountId"]![0]!.GetValue<string>().ShouldStartWith("must be an id");
        (await Api.Send(HttpMethod.Put, $"/api/v1/clients/{Guid.NewGuid()}/pending-work/accounting", Actor.Service("partners.pending-work.write"),
            rawBody: """{"items": [{"id": "a", "title": "t", "link": "/x", "amount": "much"}]}""")).ShouldBeInvalid("items[0].amount")
            ["errors"]["items[0].amount"]![0]!.GetValue<string>().ShouldBe("must be a number.");
        (await App.EventCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task refusals_and_lost_races_are_information_not_errors()
    {
        var log = App.Log;
        log.Clear();
        var api = Api;
        var owner = Actor.Person();
        for (var i = 0; i < 3; i++)
        {
            (await api.Send(HttpMethod.Post, "/api/v1/accounts", owner, rawBody: """{"kind": 5}""")).ShouldBeInvalid("kind");
            (await api.Send(HttpMethod.Post, "/api/v1/accounts", owner, rawBody: "{")).ShouldBeInvalid("body");
            (await api.Send(HttpMethod.Get, "/api/v1/me", null, accept: "text/html")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        }
        // A lost race, made certain: the database refuses the account's write as a unique value taken meanwhile.
        await Faults.FailNextWritesAsync(App.ConnectionString, "onboarding.mt_doc_account", 1, sqlState: "23505");
        var raced = await api.Post("/api/v1/accounts", owner, Scenarios.BusinessBody());
        raced.Status.ShouldBe(HttpStatusCode.Conflict, string.Join("\n", log.Errors));
        raced.ShouldBeProblem(HttpStatusCode.Conflict);
        log.Errors.ShouldBeEmpty();
        log.Entries.ShouldContain(e => e.Contains("Refused a body of the wrong shape"));
    }
}
