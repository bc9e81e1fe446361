using static Holded.Partners.Kernel.HtmlPage;

namespace Holded.Partners.Marketplace.Directory;

public static class Layout
{
    public static string Tags(IEnumerable<string> codes, string language) =>
        $"<span class=\"tags\">{string.Concat(codes.Select(c => $"<span>{E(Labels.Of(c, language))}</span>"))}</span>";
}
