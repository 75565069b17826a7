using System.Text.Json.Nodes;

namespace BackgroundBot.Testing.FakeDiscord;

/// <summary>
/// The message state of the fake Discord, kept as Discord keeps it, so tests assert what members see rather than what was sent:
/// an interaction is acknowledged once (a second callback gets 400, code 40060); a callback of type 4 or 5 creates the
/// original response; an edit changes only the fields it names (an omitted <c>content</c> stays); a channel message with
/// <c>enforce_nonce</c> and a nonce already used in that channel returns the earlier message instead of a second one; a
/// message has at most one thread (code 160004). Webhook calls on a token whose callback the fake never saw (the HTTP
/// transport answers in its response body) act as if that body had been received; <see cref="AnsweredOverHttp"/> records it.
/// </summary>
public sealed class FakeMessages
{
    // https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-interaction-callback-type
    private const int ChannelMessage = 4;
    private const int DeferredChannelMessage = 5;
    private const int DeferredUpdate = 6;
    private const int UpdateMessage = 7;
    private const int Ephemeral = 64;
    private const int Loading = 128;

    private readonly Lock _lock = new();
    private readonly Func<string> _nextId;
    private readonly List<FakeMessage> _messages = [];
    private readonly Dictionary<string, string> _acknowledged = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _originals = new(StringComparer.Ordinal);
    private readonly HashSet<string> _threads = new(StringComparer.Ordinal);
    private readonly HashSet<string> _deleted = new(StringComparer.Ordinal);

    internal FakeMessages(Func<string> nextId) => _nextId = nextId;

    /// <summary>Every message, in the order created, as it is now.</summary>
    public IReadOnlyList<FakeMessage> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>The original response of the interaction with this token, as it is now; null when there is none.</summary>
    public FakeMessage? OriginalOf(string token)
    {
        lock (_lock)
        {
            return _originals.TryGetValue(token, out var id) ? Find(id) : null;
        }
    }

    /// <summary>The follow-up messages of the interaction with this token, as they are now.</summary>
    public IReadOnlyList<FakeMessage> FollowUpsOf(string token)
    {
        lock (_lock)
        {
            var original = _originals.GetValueOrDefault(token);
            return _messages.Where(m => m.InteractionToken == token && m.Id != original).ToList();
        }
    }

    /// <summary>Every message the interaction with this token produced: its original response, then its follow-ups.</summary>
    public IReadOnlyList<FakeMessage> Of(string token) => [.. OriginalOf(token) is { } o ? [o] : Array.Empty<FakeMessage>(), .. FollowUpsOf(token)];

    /// <summary>The messages posted in a channel (or a DM channel), as they are now.</summary>
    public IReadOnlyList<FakeMessage> In(string channelId)
    {
        lock (_lock)
        {
            return _messages.Where(m => m.ChannelId == channelId && m.InteractionToken is null).ToList();
        }
    }

    /// <summary>True once an interaction was acknowledged (by a callback, or an HTTP response recorded with <see cref="AnsweredOverHttp"/>).</summary>
    public bool IsAcknowledged(string interactionId)
    {
        lock (_lock)
        {
            return _acknowledged.ContainsKey(interactionId);
        }
    }

    /// <summary>
    /// Records the body the bot answered an HTTP interaction with, as Discord applies it. An edit that reached the fake
    /// first is kept: on Discord the response body always comes before edits of it.
    /// </summary>
    public void AnsweredOverHttp(string interactionId, string token, string responseBody)
    {
        var (status, _) = Callback(interactionId, token, JsonNode.Parse(responseBody), []);
        if (status >= 400)
        {
            throw new InvalidOperationException($"Interaction {interactionId} was answered twice: {responseBody}");
        }
    }

    internal (int Status, JsonNode? Body) Callback(string interactionId, string token, JsonNode? body, IReadOnlyList<FakeAttachment> files)
    {
        lock (_lock)
        {
            if (!_acknowledged.TryAdd(interactionId, token))
            {
                return (400, Error(40060, "Interaction has already been acknowledged."));
            }

            var type = (int?)body?["type"] ?? 0;
            var data = body?["data"];
            if (_originals.ContainsKey(token))
            {
                // An edit got here first (see AnsweredOverHttp).
                return (204, null);
            }

            switch (type)
            {
                case ChannelMessage:
                    _originals[token] = Create(new FakeMessage { Id = _nextId(), InteractionToken = token }, data, files).Id;
                    break;
                case DeferredChannelMessage:
                    var deferred = new FakeMessage { Id = _nextId(), InteractionToken = token, Flags = Loading | (((int?)data?["flags"] ?? 0) & Ephemeral) };
                    _messages.Add(deferred);
                    _originals[token] = deferred.Id;
                    break;
                case DeferredUpdate or UpdateMessage:
                    // The original is the message the component is on, which the fake did not create: it starts empty.
                    var component = new FakeMessage { Id = _nextId(), InteractionToken = token };
                    _messages.Add(component);
                    _originals[token] = component.Id;
                    if (type == UpdateMessage)
                    {
                        Edit(component.Id, data, files);
                    }

                    break;
            }

            return (204, null);
        }
    }

    internal (int Status, JsonNode? Body) CreateFollowUp(string token, JsonNode? body, IReadOnlyList<FakeAttachment> files)
    {
        lock (_lock)
        {
            var message = Create(new FakeMessage { Id = _nextId(), InteractionToken = token }, body, files);
            return (200, ToJson(message));
        }
    }

    internal (int Status, JsonNode? Body) GetOriginal(string token)
    {
        lock (_lock)
        {
            return _originals.TryGetValue(token, out var id) ? (200, ToJson(Find(id)!)) : (404, Error(10008, "Unknown Message"));
        }
    }

    internal (int Status, JsonNode? Body) EditWebhookMessage(string token, string messageId, JsonNode? body, IReadOnlyList<FakeAttachment> files)
    {
        lock (_lock)
        {
            string id;
            if (messageId == "@original")
            {
                if (!_originals.TryGetValue(token, out id!))
                {
                    if (_acknowledged.ContainsValue(token) || _deleted.Contains(token))
                    {
                        return (404, Error(10008, "Unknown Message"));
                    }

                    // The HTTP transport's response body never reached the fake: the original is what this edit makes it.
                    id = _nextId();
                    _messages.Add(new FakeMessage { Id = id, InteractionToken = token });
                    _originals[token] = id;
                }
            }
            else if (Find(messageId) is { } followUp && followUp.InteractionToken == token)
            {
                id = followUp.Id;
            }
            else
            {
                return (404, Error(10008, "Unknown Message"));
            }

            return (200, ToJson(Edit(id, body, files)));
        }
    }

    internal (int Status, JsonNode? Body) DeleteOriginal(string token)
    {
        lock (_lock)
        {
            if (!_originals.Remove(token, out var id))
            {
                return (404, Error(10008, "Unknown Message"));
            }

            _messages.RemoveAll(m => m.Id == id);
            _deleted.Add(token);
            return (204, null);
        }
    }

    internal (int Status, JsonNode? Body) CreateInChannel(string channelId, JsonNode? body, IReadOnlyList<FakeAttachment> files)
    {
        lock (_lock)
        {
            // https://discord.com/developers/docs/resources/message#create-message-jsonform-params (enforce_nonce)
            var nonce = body?["nonce"]?.ToString();
            if (nonce is not null && (bool?)body?["enforce_nonce"] == true
                && _messages.FirstOrDefault(m => m.ChannelId == channelId && m.InteractionToken is null && m.Nonce == nonce) is { } earlier)
            {
                return (200, ToJson(earlier));
            }

            var message = Create(new FakeMessage { Id = _nextId(), ChannelId = channelId, Nonce = nonce, ReplyTo = body?["message_reference"]?["message_id"]?.ToString() }, body, files);
            return (200, ToJson(message));
        }
    }

    internal (int Status, JsonNode? Body) EditInChannel(string channelId, string messageId, JsonNode? body, IReadOnlyList<FakeAttachment> files)
    {
        lock (_lock)
        {
            return Find(messageId) is { InteractionToken: null } message && message.ChannelId == channelId
                ? (200, ToJson(Edit(messageId, body, files)))
                : (404, Error(10008, "Unknown Message"));
        }
    }

    internal (int Status, JsonNode? Body) StartThread(string parentId, string messageId, JsonNode? body)
    {
        lock (_lock)
        {
            if (!_threads.Add(messageId))
            {
                return (400, Error(160004, "A thread has already been created for this message"));
            }

            // As on Discord, a thread started from a message has the message's id.
            return (201, new JsonObject { ["id"] = messageId, ["type"] = 11, ["parent_id"] = parentId, ["name"] = body?["name"]?.DeepClone() });
        }
    }

    private FakeMessage Create(FakeMessage message, JsonNode? body, IReadOnlyList<FakeAttachment> files)
    {
        message = Apply(message with { Flags = ((int?)body?["flags"] ?? 0) & Ephemeral, AllowedMentions = body?["allowed_mentions"]?.DeepClone() }, body, files) with { Edits = 0 };
        _messages.Add(message);
        return message;
    }

    private FakeMessage Edit(string id, JsonNode? body, IReadOnlyList<FakeAttachment> files)
    {
        var index = _messages.FindIndex(m => m.Id == id);
        // The first edit of a deferred response replaces "thinking…".
        var edited = Apply(_messages[index] with { Flags = _messages[index].Flags & ~Loading }, body, files);
        _messages[index] = edited;
        return edited;
    }

    // Only the fields the body names change; a named null clears the field.
    private static FakeMessage Apply(FakeMessage message, JsonNode? body, IReadOnlyList<FakeAttachment> files)
    {
        var fields = body as JsonObject ?? [];
        if (fields.TryGetPropertyValue("content", out var content))
        {
            message = message with { Content = (string?)content ?? "" };
        }

        if (fields.TryGetPropertyValue("embeds", out var embeds))
        {
            message = message with { Embeds = embeds?.DeepClone().AsArray() ?? [] };
        }

        if (fields.TryGetPropertyValue("components", out var components))
        {
            message = message with { Components = components?.DeepClone().AsArray() ?? [] };
        }

        // "attachments" lists the existing files to keep; uploaded files are added to them.
        var kept = message.Attachments;
        if (fields.TryGetPropertyValue("attachments", out var keep))
        {
            var ids = (keep?.AsArray() ?? []).Select(a => a?["id"]?.ToString()).ToHashSet();
            kept = kept.Where(a => ids.Contains(a.Id)).ToList();
        }

        return message with { Attachments = [.. kept, .. files], Edits = message.Edits + 1 };
    }

    private FakeMessage? Find(string id) => _messages.FirstOrDefault(m => m.Id == id);

    private static JsonObject ToJson(FakeMessage message) => new()
    {
        ["id"] = message.Id,
        ["channel_id"] = message.ChannelId,
        ["content"] = message.Content,
        ["embeds"] = message.Embeds.DeepClone(),
        ["components"] = message.Components.DeepClone(),
        ["flags"] = message.Flags,
        ["nonce"] = message.Nonce,
        ["attachments"] = new JsonArray([.. message.Attachments.Select(a => (JsonNode)new JsonObject
        {
            ["id"] = a.Id,
            ["filename"] = a.FileName,
            ["size"] = a.Content.Length,
            ["content_type"] = a.ContentType,
        })]),
    };

    private static JsonObject Error(int code, string message) => new() { ["message"] = message, ["code"] = code };
}
