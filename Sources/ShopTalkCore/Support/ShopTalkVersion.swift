public enum ShopTalkVersion { public static let string = "0.1.0" }
