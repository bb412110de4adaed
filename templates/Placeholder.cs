namespace MissionControl.Templates; public static class Placeholder {}
