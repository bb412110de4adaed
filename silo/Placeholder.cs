namespace MissionControl.Silo; public static class Placeholder {}
