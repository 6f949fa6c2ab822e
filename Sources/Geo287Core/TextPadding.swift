extension String {
    /// Right-aligns the string in a column of `width` characters (left-padded with spaces; never truncated).
    public func leftPad(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
