using ProfileView = Holded.Partners.Onboarding.Profiles.ProfileView;
namespace Holded.Partners.Marketplace.Tests.Directory;

/// <summary>The directory pages over plain HTTP (the browser tests drive them in Chromium).</summary>
public class DirectoryPageTests(PartnersApp app) : AppTest(app)
{
    [Fact]
    public async Task what_a_firm_writes_is_shown_as_text_never_as_markup()
    {
        var admin = Actor.Person();
        await Api.PublishedPartner(admin, Scenarios.CompleteProfile("<script>alert(1)</script> Asesores",
            "Descripción con <b>etiquetas</b> y \"comillas\" que deben verse como texto en la página del directorio."));
        var list = (await Api.Get("/directory", null)).ShouldBe(HttpStatusCode.OK);
        list.ContentType.ShouldBe("text/html");
        list.Body.ShouldNotContain("<script>alert(1)</script>");
        list.Body.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt; Asesores");
        var slug = System.Text.RegularExpressions.Regex.Match(list.Body, "href=\"/directory/([^\"]+)\"").Groups[1].Value;
        var page = (await Api.Get($"/directory/{slug}", null)).ShouldBe(HttpStatusCode.OK);
        page.Body.ShouldNotContain("<b>etiquetas</b>");
        page.Body.ShouldContain("<title>&lt;script&gt;alert(1)&lt;/script&gt; Asesores — Directorio de partners de Holded</title>");
    }

    [Fact]
    public async Task a_hidden_partner_has_no_page_and_a_bad_filter_is_a_400_page()
    {
        var admin = Actor.Person();
        var partner = await Api.PublishedPartner(admin);
        var slug = (await Api.GetAs<ProfileView>($"/api/v1/partners/{partner}/profile", admin)).Slug.ShouldNotBeNull();
        (await Api.Get($"/directory/{slug}", null)).ShouldBe(HttpStatusCode.OK);
        await Api.SetSubscription(partner, "canceled");
        (await Api.Get($"/directory/{slug}", null)).ShouldBe(HttpStatusCode.NotFound);
        var bad = (await Api.Get("/directory?province=atlantis", null)).ShouldBe(HttpStatusCode.BadRequest);
        bad.Body.ShouldContain("Algún filtro no es válido.");
    }

    [Fact]
    public async Task pages_link_to_the_next_and_previous_results()
    {
        for (var i = 0; i < 11; i++) await Api.PublishedPartner(Actor.Person(), Scenarios.CompleteProfile($"Firma {i:00}", provinces: ["madrid"]));
        var first = (await Api.Get("/directory?province=madrid", null)).ShouldBe(HttpStatusCode.OK);
        first.Body.ShouldContain("rel=\"next\" href=\"/directory?province=madrid&amp;page=2\"");
        var second = (await Api.Get("/directory?province=madrid&page=2", null)).ShouldBe(HttpStatusCode.OK);
        second.Body.ShouldContain("rel=\"prev\"");
        System.Text.RegularExpressions.Regex.Matches(second.Body, "class=\"partner\"").Count.ShouldBe(1);
    }
}
