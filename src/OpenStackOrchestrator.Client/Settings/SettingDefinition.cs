using System;
using System.Collections.Generic;
using System.Globalization;

namespace OpenStackOrchestrator.Client.Settings
{
    /// <summary>One module setting: its name, default and the values it accepts.</summary>
    public sealed class SettingDefinition
    {
        private readonly Func<object, object?> _parse;

        private SettingDefinition(string name, object defaultValue, string accepts, Func<object, object?> parse)
        {
            Name = name;
            DefaultValue = defaultValue;
            Accepts = accepts;
            _parse = parse;
        }

        public string Name { get; }
        public object DefaultValue { get; }
        /// <summary>The accepted values, for error messages.</summary>
        public string Accepts { get; }

        /// <summary>The value as the setting's type, or null when it is not one the setting accepts.</summary>
        public object? Parse(object value) => value == null ? null : _parse(value);

        public static SettingDefinition Choice<T>(string name, T defaultValue) where T : struct, Enum =>
            new SettingDefinition(name, defaultValue, string.Join(", ", Enum.GetNames(typeof(T))), value =>
            {
                if (value is T typed) return typed;
                var text = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim();
                return !string.IsNullOrEmpty(text) && !char.IsDigit(text![0]) && text[0] != '-' && Enum.TryParse<T>(text, true, out var parsed)
                    && Enum.IsDefined(typeof(T), parsed) ? parsed : (object?)null;
            });

        public static SettingDefinition Range(string name, int defaultValue, int min, int max) =>
            new SettingDefinition(name, defaultValue, $"a whole number from {min} to {max}", value =>
            {
                int number;
                switch (value)
                {
                    case int i: number = i; break;
                    case long l when l >= int.MinValue && l <= int.MaxValue: number = (int)l; break;
                    case double d when d == Math.Floor(d) && d >= int.MinValue && d <= int.MaxValue: number = (int)d; break;
                    case string s when int.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed): number = parsed; break;
                    default: return null;
                }
                return number >= min && number <= max ? number : (object?)null;
            });
    }
}
