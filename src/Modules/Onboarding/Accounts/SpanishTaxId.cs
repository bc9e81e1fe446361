namespace Holded.Partners.Onboarding.Accounts;

/// <summary>
/// Spanish tax ids with their check character: NIF of a person (DNI: 8 digits + letter; K/L/M + 7 digits + letter),
/// NIE (X/Y/Z + 7 digits + letter) and CIF of a company (letter + 7 digits + control digit or letter).
/// </summary>
public static class SpanishTaxId
{
    private const string DniLetters = "TRWAGMYFPDXBNJZSQVHLCKE";
    private const string CifControlLetters = "JABCDEFGHI";

    /// <summary>Upper case, no spaces, dots or dashes, no "ES" VAT prefix.</summary>
    public static string Normalize(string raw)
    {
        var s = new string(raw.Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        return s.Length == 11 && s.StartsWith("ES") ? s[2..] : s;
    }

    public static bool IsValid(string raw)
    {
        var s = Normalize(raw);
        if (s.Length != 9) return false;
        var first = s[0];
        if (char.IsAsciiDigit(first)) return IsPersonal(s[..8], s[8]);
        if ("XYZ".Contains(first)) return IsPersonal("XYZ".IndexOf(first) + s[1..8], s[8]);
        if ("KLM".Contains(first)) return IsPersonal(s[1..8], s[8]);
        if ("ABCDEFGHJNPQRSUVW".Contains(first)) return IsCompany(first, s[1..8], s[8]);
        return false;
    }

    private static bool IsPersonal(string digits, char letter) =>
        digits.All(char.IsAsciiDigit) && DniLetters[(int)(long.Parse(digits) % 23)] == letter;

    private static bool IsCompany(char kind, string digits, char control)
    {
        if (!digits.All(char.IsAsciiDigit)) return false;
        var sum = 0;
        for (var i = 0; i < 7; i++)
        {
            var d = digits[i] - '0';
            if (i % 2 == 0)
            {
                var doubled = d * 2;
                sum += doubled / 10 + doubled % 10;
            }
            else sum += d;
        }
        var digit = (10 - sum % 10) % 10;
        var asDigit = (char)('0' + digit);
        var asLetter = CifControlLetters[digit];
        // Some kinds of entity always use a letter, others always a digit; the rest may use either.
        if ("PQRSNW".Contains(kind)) return control == asLetter;
        if ("ABEH".Contains(kind)) return control == asDigit;
        return control == asDigit || control == asLetter;
    }
}
