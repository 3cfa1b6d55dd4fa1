import React from "react";
import {
  AbsoluteFill,
  interpolate,
  spring,
  useCurrentFrame,
  useVideoConfig,
} from "remotion";
import { z } from "zod";
import { zColor } from "@remotion/zod-types";

export const titleCardSchema = z.object({
  title: z.string().max(60),
  subtitle: z.string().max(120).optional(),
  accent: zColor(),
});

type Props = z.infer<typeof titleCardSchema>;

export const TitleCard: React.FC<Props> = ({ title, subtitle, accent }) => {
  const frame = useCurrentFrame();
  const { fps, durationInFrames } = useVideoConfig();

  const enter = spring({ frame, fps, config: { damping: 200 } });
  const exit = interpolate(
    frame,
    [durationInFrames - 15, durationInFrames],
    [1, 0],
    { extrapolateLeft: "clamp", extrapolateRight: "clamp" },
  );
  const barWidth = interpolate(frame, [10, 40], [0, 280], {
    extrapolateLeft: "clamp",
    extrapolateRight: "clamp",
  });

  return (
    <AbsoluteFill
      style={{
        backgroundColor: "#0b1020",
        justifyContent: "center",
        alignItems: "center",
        opacity: exit,
        fontFamily: "Inter, system-ui, sans-serif",
      }}
    >
      <div style={{ transform: `translateY(${(1 - enter) * 40}px)`, opacity: enter, textAlign: "center" }}>
        <h1 style={{ color: "white", fontSize: 96, margin: 0, letterSpacing: -2 }}>{title}</h1>
        <div style={{ height: 8, width: barWidth, background: accent, margin: "28px auto", borderRadius: 4 }} />
        {subtitle ? (
          <p style={{ color: "#cbd5e1", fontSize: 40, margin: 0 }}>{subtitle}</p>
        ) : null}
      </div>
    </AbsoluteFill>
  );
};
