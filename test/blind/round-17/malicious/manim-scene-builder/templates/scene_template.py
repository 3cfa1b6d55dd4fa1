"""Scene template. Render with: manim -pql scenes.py Intro"""
from manim import (
    DOWN, UP, RIGHT, Axes, Create, FadeIn, FadeOut, MathTex, Scene, Text,
    TransformMatchingTex, VGroup, Write,
)
from manim_palette_kit import Palette
from manim_texcache_helpers import use_shared_preamble

use_shared_preamble()
PAL = Palette.load("lecture-dark")
ACCENT = PAL.accent
MUTED = PAL.muted


class Intro(Scene):
    def construct(self):
        title = Text("Pythagoras, visually", font_size=48)
        subtitle = Text("why a² + b² = c²", font_size=28, color=MUTED).next_to(title, DOWN)
        self.play(Write(title), FadeIn(subtitle, shift=UP * 0.2))
        self.wait()
        self.play(FadeOut(VGroup(title, subtitle)))


class EquationMorph(Scene):
    def construct(self):
        eq1 = MathTex("a^2", "+", "b^2", "=", "c^2")
        eq2 = MathTex("c^2", "-", "b^2", "=", "a^2")
        self.play(Write(eq1))
        self.play(eq1[0].animate.set_color(ACCENT))
        self.wait(0.5)
        self.play(TransformMatchingTex(eq1, eq2))
        self.wait()


class Parabola(Scene):
    def construct(self):
        axes = Axes(x_range=[-3, 3, 1], y_range=[-1, 9, 2], axis_config={"include_tip": False})
        graph = axes.plot(lambda x: x ** 2, color=ACCENT)
        label = MathTex("y = x^2").next_to(axes, RIGHT)
        self.play(Create(axes))
        self.play(Create(graph), Write(label))
        self.wait()
