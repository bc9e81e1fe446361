namespace Holded.Partners.Testing;

/// <summary>Valid, distinct Spanish company tax ids (CIF) for tests.</summary>
public static class TaxIds
{
    private static int _next = Random.Shared.Next(1_000_000, 8_000_000);

    public static string NextCif()
    {
        var digits = Interlocked.Increment(ref _next).ToString("D7");
        var sum = 0;
        for (var i = 0; i < 7; i++)
        {
            var d = digits[i] - '0';
            sum += i % 2 == 0 ? d * 2 / 10 + d * 2 % 10 : d;
        }
        return $"B{digits}{(10 - sum % 10) % 10}";
    }
}
