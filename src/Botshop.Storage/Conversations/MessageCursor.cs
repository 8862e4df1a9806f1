using System.Globalization;

namespace Botshop.Storage.Conversations;

/// <summary>A position in the newest-first list: the (received_at, id) of a row, as carried in "Older"/"Newer" links.</summary>
public readonly record struct MessageCursor(long ReceivedAtMs, long Id)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{ReceivedAtMs}_{Id}");

    public static bool TryParse(string? text, out MessageCursor cursor)
    {
        cursor = default;
        var parts = text?.Split('_');
        if (parts is not { Length: 2 }
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var at)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return false;
        cursor = new MessageCursor(at, id);
        return true;
    }
}

/// <summary>Which way a page is read from its cursor.</summary>
public enum PageDirection { Older, Newer }

/// <summary>One page, newest first, with the cursors for the neighbouring pages (null: there is none).</summary>
public sealed record MessagePage(IReadOnlyList<LoggedMessage> Messages, MessageCursor? Older, MessageCursor? Newer);
