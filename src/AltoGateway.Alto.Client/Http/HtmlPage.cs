using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AltoGateway.Alto.MediaTypes;

namespace AltoGateway.Alto.Client.Http;

/// <summary>The HTML error pages that front-end proxies (nginx, Apache, load balancers) answer instead of an ALTO error.</summary>
internal static partial class HtmlPage
{
    /// <summary>True for a text/html Content-Type, or a body that starts like an HTML document.</summary>
    public static bool Is(string? contentType, string text)
    {
        if (contentType is not null)
        {
            return AltoMediaTypeMatcher.Matches(contentType, "text/html")
                || AltoMediaTypeMatcher.Matches(contentType, "application/xhtml+xml");
        }

        var start = text.AsSpan().TrimStart();
        return start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The page's &lt;title&gt;, decoded and with white space folded; null when it has none.</summary>
    public static string? Title(string html)
    {
        var match = TitlePattern().Match(html);
        return match.Success ? Fold(WebUtility.HtmlDecode(match.Groups[1].Value)) : null;
    }

    /// <summary>At most <paramref name="length"/> characters of a body, on one line.</summary>
    public static string Snippet(string text, int length) => Fold(text.Length <= length ? text : text[..length]);

    private static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (folded.Length > 0 && folded[^1] != ' ')
                {
                    folded.Append(' ');
                }
            }
            else
            {
                folded.Append(c);
            }
        }

        return folded.ToString().Trim();
    }

    [GeneratedRegex("<title[^>]*>(.*?)</title\\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TitlePattern();
}
