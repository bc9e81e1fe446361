using Holded.Partners.Access.Web;

namespace Holded.Partners.Host.Tests;

public class WebSignInTests(PartnersApp app) : AppTest(app)
{
    [Fact]
    public async Task a_sign_in_without_the_antiforgery_token_is_refused()
    {
        var client = App.CreateClient();
        var response = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "eve@example.es" }));
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task a_sign_in_with_a_malformed_email_is_a_400_and_signs_no_one_in()
    {
        var client = App.CreateClient();
        var form = await client.GetAsync("/signin");
        var html = await form.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        token.ShouldNotBeEmpty();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["email"] = "not an email" }),
        };
        request.Headers.Add("Cookie", string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("email");
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task the_viewer_sends_strangers_to_sign_in()
    {
        var client = App.CreateClient();
        var response = await client.GetAsync("/audit?type=session_opened");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/signin?returnUrl=%2Faudit%3Ftype%3Dsession_opened");
    }

    [Theory]
    [InlineData("https://evil.example/", "/portal")]
    [InlineData("//evil.example/", "/portal")]
    [InlineData("/\\evil.example/", "/portal")]
    [InlineData("/\t/evil.example", "/portal")]
    [InlineData("/\n/evil.example", "/portal")]
    [InlineData("/ /evil.example", "/portal")]
    [InlineData("/%09/evil.example", "/%09/evil.example")] // still encoded: a path of this site
    [InlineData("/", "/")]
    [InlineData("/audit?clientAccountId=1", "/audit?clientAccountId=1")]
    public void sign_in_returns_only_to_this_site(string returnUrl, string expected) => WebSignIn.SafeReturn(returnUrl).ShouldBe(expected);
}
