using System.Reflection;
using Microsoft.AspNetCore.Http;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Holded.Partners.Access.Records;

/// <summary>
/// The record as a PDF of real text (A4, wrapped lines, page numbers), drawn with PDFsharp. Its text is WinAnsi-encoded
/// so any reader (and a test) extracts it as written; the font travels inside this assembly, so no machine's fonts matter.
/// </summary>
public static class ProcessingRecordPdf
{
    public static IResult File(ProcessingRecord record, string language, DateTimeOffset generated) =>
        Results.File(Write(record, language, generated), "application/pdf", $"processing-record-{record.AsOf:yyyy-MM-dd}.pdf");

    public static byte[] Write(ProcessingRecord record, string language, DateTimeOffset generated)
    {
        EmbeddedFonts.Install();
        var w = new RecordWords(language);
        using var document = new PdfDocument();
        document.Info.Title = w.Title;
        document.Info.Subject = record.Processor.LegalName;
        document.Info.Creator = "Holded Partners";
        var pen = new Pen(document);

        pen.Heading(w.Title, 15);
        pen.Line($"{w.T("A fecha de", "As of")} {w.When(record.AsOf)} · {w.T("generado el", "generated on")} {w.When(generated)}", muted: true);
        pen.Paragraph(w.Lead);

        pen.Heading(w.T("Encargado del tratamiento", "Processor"), 12);
        pen.Line(record.Processor.LegalName, bold: true);
        pen.Paragraph(w.Party(record.Processor));

        pen.Heading(w.T("Responsables por cuenta de los cuales se trata", "Controllers on whose behalf data is processed"), 12);
        if (record.Controllers.Count == 0) pen.Paragraph(w.T("Ninguno a esta fecha.", "None at this date."));
        foreach (var controller in record.Controllers)
        {
            pen.Heading(controller.Client.LegalName, 11);
            pen.Paragraph(w.Party(controller.Client));
            foreach (var period in controller.Periods)
            {
                pen.Line($"{w.T("Colaboración", "Collaboration")} {w.Period(period.From, period.To)}" +
                    (period.EndReason is { Length: > 0 } why ? $" · {w.T("motivo del fin", "why it ended")}: {why}" : ""), bold: true);
                pen.Line(w.T("Categorías de tratamiento (secciones y niveles de acceso concedidos):", "Categories of processing (sections and access levels granted):"));
                if (period.Categories.Count == 0) pen.Bullet(w.T("Sin acceso concedido.", "No access granted."));
                foreach (var c in period.Categories) pen.Bullet($"{w.Period(c.From, c.To)}: {w.Grant(c)}. {w.Sections(c.Sections)}");
                if (period.SharedPendingWork.Count > 0)
                {
                    pen.Line(w.T("Resúmenes de tareas pendientes compartidos por el cliente:", "Pending-task summaries the client shared:"));
                    foreach (var s in period.SharedPendingWork) pen.Bullet($"{w.Period(s.From, s.To)}: {w.SharedSections(s.Sections)}");
                }
                pen.Line(w.T("Personas con acceso:", "People with access:"));
                if (period.People.Count == 0) pen.Bullet(w.T("Nadie.", "Nobody."));
                foreach (var p in period.People)
                    pen.Bullet($"{p.Name}{(p.Email is { } email ? $" ({email})" : "")}, {w.Basis(p.Basis)}, {w.Period(p.From, p.To)}" +
                        (p.JustInTime is { } asked ? $"; {w.JustInTime(asked)}" : ""));
                pen.Line(w.T("Sesiones de acceso abiertas:", "Access sessions opened:"));
                if (period.Sessions.Count == 0) pen.Bullet(w.T("Ninguna.", "None."));
                foreach (var s in period.Sessions) pen.Bullet($"{s.Name}: {w.Sessions(s)}");
                pen.Gap();
            }
        }

        pen.Heading(w.T("Medidas técnicas y organizativas de seguridad", "Technical and organisational security measures"), 12);
        foreach (var safeguard in record.Safeguards) pen.Bullet(w.En ? safeguard.En : safeguard.Es);

        pen.Finish(w);
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    /// <summary>Writes lines down A4 pages, wrapping them to the margins and turning the page when it is full.</summary>
    private sealed class Pen(PdfDocument document)
    {
        private const double Margin = 50, Bottom = 60;
        private static readonly XPdfFontOptions WinAnsi = new(PdfFontEncoding.WinAnsi);
        private readonly XFont _regular = new(EmbeddedFonts.Family, 9.5, XFontStyleEx.Regular, WinAnsi);
        private readonly XFont _bold = new(EmbeddedFonts.Family, 9.5, XFontStyleEx.Bold, WinAnsi);
        private XGraphics? _page;
        private double _y;
        private double _width;

        private XGraphics Page
        {
            get
            {
                if (_page is not null) return _page;
                var page = document.AddPage();
                page.Size = PageSize.A4;
                _page = XGraphics.FromPdfPage(page);
                _width = page.Width.Point - 2 * Margin;
                _y = Margin;
                return _page;
            }
        }

        public void Heading(string text, double size)
        {
            _y += size * 0.6;
            Write(text, new XFont(EmbeddedFonts.Family, size, XFontStyleEx.Bold, WinAnsi), 0, XBrushes.Black);
            _y += 2;
        }

        public void Line(string text, bool bold = false, bool muted = false) => Write(text, bold ? _bold : _regular, 0, muted ? XBrushes.DimGray : XBrushes.Black);

        public void Paragraph(string text)
        {
            Write(text, _regular, 0, XBrushes.Black);
            _y += 4;
        }

        public void Bullet(string text) => Write(text, _regular, 12, XBrushes.Black, "- ");

        public void Gap() => _y += 6;

        private void Write(string text, XFont font, double indent, XBrush brush, string? marker = null)
        {
            var height = font.GetHeight() * 1.15;
            _ = Page; // the first page, and with it the width to wrap to
            var first = true;
            foreach (var line in Wrap(Safe(text), font, _width - indent - (marker is null ? 0 : 8)))
            {
                if (_y + height > Page.PageSize.Height - Bottom) NextPage();
                if (first && marker is not null) Page.DrawString(marker, font, brush, Margin + indent - 8, _y + font.GetHeight());
                Page.DrawString(line, font, brush, Margin + indent + (marker is null ? 0 : 2), _y + font.GetHeight());
                _y += height;
                first = false;
            }
        }

        private IEnumerable<string> Wrap(string text, XFont font, double width)
        {
            var line = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var next = line.Length == 0 ? word : $"{line} {word}";
                if (line.Length > 0 && Page.MeasureString(next, font).Width > width)
                {
                    yield return line;
                    line = word;
                }
                else line = next;
            }
            if (line.Length > 0) yield return line;
        }

        private void NextPage()
        {
            _page?.Dispose();
            _page = null;
            _ = Page;
        }

        /// <summary>Page numbers, once the pages are all known.</summary>
        public void Finish(RecordWords w)
        {
            _page?.Dispose();
            _page = null;
            for (var i = 0; i < document.PageCount; i++)
            {
                using var g = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
                var text = $"{w.T("Página", "Page")} {i + 1} / {document.PageCount}";
                g.DrawString(text, _regular, XBrushes.DimGray, document.Pages[i].Width.Point - Margin - g.MeasureString(text, _regular).Width,
                    document.Pages[i].Height.Point - Bottom / 2);
            }
        }

        // WinAnsi has no glyph for a few marks people type: they are written as their nearest plain ones.
        private static string Safe(string text) => text.Replace('\u2014', '-').Replace('\u2013', '-').Replace('\u2019', '\'')
            .Replace('\u201C', '"').Replace('\u201D', '"').Replace('\u00A0', ' ');
    }
}

/// <summary>The record's font (DejaVu Sans, regular and bold, see Fonts/LICENSE), served to PDFsharp from this assembly.</summary>
internal sealed class EmbeddedFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private static readonly Lock Installing = new();
    private static bool _installed;

    /// <summary>PDFsharp has one font resolver per process, set before any font is made.</summary>
    public static void Install()
    {
        lock (Installing)
        {
            if (_installed) return;
            if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = new EmbeddedFonts();
            _installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Holded.Partners.Access.Records.Fonts.{faceName}.ttf");
        if (stream is null) return null;
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
