using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace BackgroundBot.Answering.Generative;

/// <summary>
/// Writes the passages for the prompt as a JSON array, one object per line, so article text and titles are string
/// values the model cannot break out of. Semantic Kernel's own escaping only protects the chat message structure:
/// it decodes again before sending, so an article's <c>&lt;/passages&gt;&lt;message role="system"&gt;</c> used to
/// reach the model verbatim inside the user message, closing the quoted block as far as the model could tell.
/// Here a newline or quote in an article cannot start a forged passage, and <c>&lt;</c>, <c>&gt;</c> and
/// <c>&amp;</c> are written as JSON escapes, so no tag (or entity that reads as one) appears in the prompt at all.
/// </summary>
public static class QuotedPassages
{
    // Relaxed so that apostrophes, quotes marks and non-Latin names (Şuşa, Ստեփանակերտ) stay readable to the model;
    // the characters that could form a tag are escaped below instead.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToJson(IReadOnlyList<PromptPassage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var text = new StringBuilder("[\n");
        for (var i = 0; i < passages.Count; i++)
        {
            text.Append(Object(passages[i])).Append(i + 1 < passages.Count ? ",\n" : "\n");
        }

        return text.Append(']').ToString();
    }

    private static string Object(PromptPassage passage)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteNumber("n", passage.N);
            writer.WriteString("title", passage.Title);
            if (passage.Published is null)
            {
                writer.WriteNull("published");
            }
            else
            {
                writer.WriteString("published", passage.Published);
            }

            writer.WriteString("text", passage.Text);
            writer.WriteEndObject();
        }

        // Outside string values JSON has no '<', '>' or '&', so replacing them everywhere only ever touches text.
        return Encoding.UTF8.GetString(buffer.ToArray())
            .Replace("&", "\\u0026", StringComparison.Ordinal)
            .Replace("<", "\\u003c", StringComparison.Ordinal)
            .Replace(">", "\\u003e", StringComparison.Ordinal);
    }
}
