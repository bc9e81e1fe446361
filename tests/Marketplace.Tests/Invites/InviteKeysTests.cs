using Holded.Partners.Marketplace.Invites;

namespace Holded.Partners.Marketplace.Tests.Invites;

/// <summary>The keys of an invite, without a database: what is a token, what is a code, and how a typed code is read.</summary>
public class InviteKeysTests
{
    [Fact]
    public void a_token_is_43_url_safe_characters_and_a_code_8_of_the_unambiguous_alphabet()
    {
        var tokens = Enumerable.Range(0, 200).Select(_ => InviteKeys.NewToken()).ToList();
        tokens.ShouldAllBe(t => t.Length == InviteKeys.TokenLength && InviteKeys.Parse(t)!.IsCode == false);
        tokens.Distinct().Count().ShouldBe(tokens.Count);
        var codes = Enumerable.Range(0, 200).Select(_ => InviteKeys.NewCode()).ToList();
        codes.ShouldAllBe(c => c.Length == 8 && c.All(x => InviteKeys.CodeAlphabet.Contains(x)));
        InviteKeys.CodeAlphabet.Intersect("0O1ILU").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("K7MQ3XZP", "K7MQ3XZP")]
    [InlineData("k7mq-3xzp", "K7MQ3XZP")]
    [InlineData(" k7mq 3xzp ", "K7MQ3XZP")]
    public void a_code_is_read_in_any_case_with_or_without_a_hyphen_or_spaces(string typed, string code) =>
        InviteKeys.Parse(typed).ShouldBe(new InviteKey(code, IsCode: true));

    [Theory]
    [InlineData("")]
    [InlineData("K7MQ3XZ")]      // too short
    [InlineData("K7MQ3XZPQ")]    // too long
    [InlineData("K7MQ3XZO")]     // O is not in the alphabet
    [InlineData("K7MQ3XZ1")]
    [InlineData("K7MQ+3XZ")]
    public void anything_else_is_no_key(string typed) => InviteKeys.Parse(typed).ShouldBeNull();

    [Fact]
    public void a_code_reads_in_two_halves() => InviteKeys.Display("K7MQ3XZP").ShouldBe("K7MQ-3XZP");

    [Fact]
    public void a_revoked_link_is_revoked_whatever_its_expiry_and_an_expired_one_stays_expired()
    {
        var now = DateTimeOffset.UtcNow;
        InviteLinkStatus.Of(true, now.AddDays(-1), now).ShouldBe(InviteLinkStatus.Revoked);
        InviteLinkStatus.Of(false, now, now).ShouldBe(InviteLinkStatus.Expired);
        InviteLinkStatus.Of(false, now.AddSeconds(1), now).ShouldBe(InviteLinkStatus.Active);
        InviteLinkStatus.Of(false, null, now).ShouldBe(InviteLinkStatus.Active);
    }
}
