using Holded.Partners.Onboarding.Accounts;

namespace Holded.Partners.Onboarding.Tests.Accounts;

public class SpanishTaxIdTests
{
    [Theory]
    [InlineData("00000000T")]
    [InlineData("12345678Z")]
    [InlineData("Y1234567X")]
    [InlineData("Z7654321H")]
    [InlineData("A58818501")]
    [InlineData("B12345674")]
    [InlineData("Q2826000H")]
    [InlineData("P2807900B")]
    [InlineData("G12345674")]
    [InlineData("G1234567D")] // G may use a digit or a letter
    [InlineData("b-12345674")]
    public void valid(string id) => SpanishTaxId.IsValid(id).ShouldBeTrue();

    [Theory]
    [InlineData("")]
    [InlineData("12345678")]
    [InlineData("12345678A")]
    [InlineData("X1234567A")]
    [InlineData("A5881850A")] // A needs a digit
    [InlineData("Q28260008")] // Q needs a letter
    [InlineData("I12345674")] // not a kind of entity
    [InlineData("B1234567")]
    public void invalid(string id) => SpanishTaxId.IsValid(id).ShouldBeFalse();

    [Fact]
    public void normalizes_spacing_case_and_vat_prefix() => SpanishTaxId.Normalize(" es-b 1234.5674 ").ShouldBe("B12345674");
}
