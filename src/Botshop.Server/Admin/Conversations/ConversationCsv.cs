using System.Globalization;
using System.Text;
using Botshop.Storage.Conversations;
using CsvHelper;
using CsvHelper.Configuration;

namespace Botshop.Server.Admin.Conversations;

/// <summary>
/// Writes messages as CSV for a spreadsheet. Candidates' text is untrusted: a cell starting with = + - @ (or a tab or
/// carriage return) would run as a formula in Excel or Sheets, so CsvHelper escapes it with a leading apostrophe.
/// </summary>
public static class ConversationCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
    };

    private static readonly string[] Header =
    [
        "message_id", "conversation_id", "received_at_utc", "channel", "posting", "question", "reply_kind", "answered", "intent",
        "confidence", "answer", "cited_passages", "model_version", "delivery_status", "review_status", "thumbs_up", "thumbs_down",
    ];

    /// <summary>Streams every message as it is read; only a small buffer is held, however many there are.</summary>
    public static async Task WriteAsync(Stream body, IAsyncEnumerable<LoggedMessage> messages, CancellationToken ct)
    {
        // A byte-order mark, so Excel reads the UTF-8 (accents, emoji) instead of guessing a code page.
        await using var text = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(text, Configuration);
        foreach (var name in Header) csv.WriteField(name);
        await csv.NextRecordAsync();
        await foreach (var m in messages.WithCancellation(ct))
        {
            csv.WriteField(m.Id);
            csv.WriteField(m.ConversationId);
            csv.WriteField(m.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            csv.WriteField(m.Channel);
            csv.WriteField(m.PostingId);
            csv.WriteField(m.Question);
            csv.WriteField(m.ReplyKind);
            csv.WriteField(m.Answered switch { true => "true", false => "false", null => "" });
            csv.WriteField(m.Intent);
            csv.WriteField(m.Confidence?.ToString("0.####", CultureInfo.InvariantCulture));
            csv.WriteField(m.AnswerText);
            csv.WriteField(string.Join(';', m.SourceIds));
            csv.WriteField(m.ModelVersion);
            csv.WriteField(m.DeliveryStatus);
            csv.WriteField(m.ReviewStatus);
            csv.WriteField(m.ThumbsUp);
            csv.WriteField(m.ThumbsDown);
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
    }
}
