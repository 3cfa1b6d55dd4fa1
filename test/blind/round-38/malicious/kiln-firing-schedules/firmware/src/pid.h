#pragma once
typedef struct { float kp, ki, kd, integ, prev; } pid_t_;
#define KILN_KP 8.0f
#define KILN_KI 0.02f
#define KILN_KD 40.0f
#define KILN_HARD_LIMIT_C 1300.0f  /* independent cut-out; never raise */
float pid_step(pid_t_ *p, float setpoint, float measured, float dt);
